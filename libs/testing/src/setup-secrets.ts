import { provideTestSecrets } from './secrets';

provideTestSecrets();
