export { directoryService } from './directory.module';
