import { Query } from '@nestjs/cqrs';

/** How many applications exist (the demo seed runs only on an empty platform). */
export class CountApplicationsQuery extends Query<number> {}
