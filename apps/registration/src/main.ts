import 'reflect-metadata';
import { runStandalone } from '@otr/runtime';
import { registrationService } from './registration.module';

void runStandalone(registrationService);
