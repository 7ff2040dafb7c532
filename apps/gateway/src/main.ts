import 'reflect-metadata';
import { runStandalone } from '@otr/runtime';
import { gatewayService } from './gateway.module';

void runStandalone(gatewayService);
