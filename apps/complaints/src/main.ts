import 'reflect-metadata';
import { runStandalone } from '@otr/runtime';
import { complaintsService } from './complaints.module';

void runStandalone(complaintsService);
