import 'reflect-metadata';
import { runStandalone } from '@otr/runtime';
import { inspectionService } from './inspection.module';

void runStandalone(inspectionService);
