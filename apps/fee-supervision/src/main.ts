import 'reflect-metadata';
import { runStandalone } from '@otr/runtime';
import { feeSupervisionService } from './fee-supervision.module';

void runStandalone(feeSupervisionService);
