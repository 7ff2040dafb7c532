import 'reflect-metadata';
import { runStandalone } from '@otr/runtime';
import { directoryService } from './directory.module';

void runStandalone(directoryService);
