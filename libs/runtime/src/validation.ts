import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

export interface FieldIssue {
  field: string;
  rule: string;
}

export const describeIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ field: i.path.join('.') || '(body)', rule: i.message }));

/** Validates a request part against a zod schema; a failure is a 400 naming each field and rule. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const issues = describeIssues(result.error);
    throw new BadRequestException({
      statusCode: 400,
      error: 'ValidationFailed',
      message: issues.map((i) => `${i.field}: ${i.rule}`).join('; '),
      issues,
    });
  }
}
