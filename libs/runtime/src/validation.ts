import { ArgumentMetadata, BadRequestException, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { json, urlencoded } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { addProblemTexts, FieldIssue, Language, ProblemException, sendProblem } from './problem';

export const describeIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((i) => ({ field: i.path.join('.') || '(body)', rule: i.message }));

/** zod's own wording of its rules, per language. */
const zodLocales: Record<Language, z.core.$ZodErrorMap> = {
  'zh-CN': z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
};

/**
 * The one validation answer: a 4xx naming each field and the rule it broke. Issues given in English
 * are put in the caller's language by the catalogue; a function words them per language itself.
 */
export const validationFailed = (
  errors: FieldIssue[] | ((language: Language) => FieldIssue[]),
  status = 400,
): ProblemException => new ProblemException({ status, code: 'validation-failed', errors });

const NUL_RULE = 'must not contain a NUL character (\\u0000)';
const UUID_RULE = 'a UUID (8-4-4-4-12 hex digits)';
const UTF8_PATH_RULE = 'percent-escapes that spell UTF-8 text';

/** How deep a request body may nest: the domain's are a few levels; thousands overflowed the stack. */
export const MAX_NESTING = 32;
const NESTING_RULE = `nested at most ${MAX_NESTING} levels deep`;

// The rules written here, in zh-CN (zod words its own; these are ours).
addProblemTexts({
  phrases: {
    [NUL_RULE]: '不得包含 NUL 字符（\\u0000）',
    [UUID_RULE]: 'UUID（8-4-4-4-12 位十六进制数字）',
    [UTF8_PATH_RULE]: '百分号转义须拼出 UTF-8 文本',
    [NESTING_RULE]: `嵌套不超过 ${MAX_NESTING} 层`,
  },
});

/**
 * Every string in a request part that holds a NUL: PostgreSQL text cannot store one (a 500 before).
 * Walked with an explicit stack, and a part nested deeper than MAX_NESTING is refused whole.
 */
export function nulIssues(value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: [unknown, string[]][] = [[value, []]];
  while (pending.length) {
    const [v, path] = pending.pop()!;
    if (path.length > MAX_NESTING) return [{ field: path[0] ?? '(body)', rule: NESTING_RULE }];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) issues.push({ field: path.join('.') || '(body)', rule: NUL_RULE });
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const children = Array.isArray(v) ? v.map((c, i) => [String(i), c] as const) : Object.entries(v);
      // Pushed last-first, so the issues come in the order the fields were written.
      for (let i = children.length - 1; i >= 0; i--)
        pending.push([children[i][1], [...path, children[i][0]]]);
    }
  }
  return issues;
}

/**
 * An ISO 8601 instant with its offset that PostgreSQL can hold: ISO has a year 0 (1 BC) and an
 * offset can carry 0001-01-01 back into it; PostgreSQL has none and answered 500.
 */
export const IsoInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => new Date(s).getUTCFullYear() >= 1, 'a time from the year 1 on');

/** Validates a request part against a zod schema; a failure is a 400 naming each field and rule. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const nul = nulIssues(value);
    if (nul.length) throw validationFailed(nul);
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    // Parsed again in the caller's language when the answer is written: zod words its own rules.
    throw validationFailed((language) =>
      describeIssues(this.schema.safeParse(value, { error: zodLocales[language] }).error ?? result.error),
    );
  }
}

/**
 * ParseUUIDPipe whose 400 names the parameter (`id: a UUID`), where Nest's says only
 * "Validation failed (uuid is expected)". Use as `@Param('id', new UuidPipe())`: an instance, so
 * what inspects the routes (the fuzz test) still sees a ParseUUIDPipe.
 */
export class UuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      throw validationFailed([{ field: metadata.data ?? metadata.type, rule: UUID_RULE }]);
    }
  }
}

/**
 * Refuses a query parameter holding a NUL (`?q=%00`) before any route reads it, naming the
 * parameter; routes that read a query value without a ZodPipe are covered too.
 */
export function refuseNulInQuery(req: Request, res: Response, next: NextFunction): void {
  const issues = nulIssues(req.query);
  if (!issues.length) return next();
  sendProblem(req, res, validationFailed(issues).facts);
}

/**
 * Refuses a path whose percent-escapes are not UTF-8 (`/institutions/x%ED%BF%BFy`) naming the
 * path: Express's router threw its own 400 for the parameter, naming nothing.
 */
export function refuseUndecodablePath(req: Request, res: Response, next: NextFunction): void {
  try {
    req.path.split('/').forEach((segment) => decodeURIComponent(segment));
  } catch {
    sendProblem(req, res, validationFailed([{ field: '(path)', rule: UTF8_PATH_RULE }]).facts);
    return;
  }
  next();
}

/** An error the body parsers raise (http-errors): what the client sent was wrong, not the service. */
export interface ClientHttpError extends Error {
  status: number;
  type?: string;
  code?: string;
  limit?: number;
}

export const isClientHttpError = (e: unknown): e is ClientHttpError => {
  const status = (e as { status?: unknown } | null)?.status;
  return (
    e instanceof Error &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    (e as { expose?: boolean }).expose !== false
  );
};

/** The rule a request body broke, by the body parser's error type, in the language. */
function bodyRule(e: ClientHttpError, language: Language): string {
  const zh = language === 'zh-CN';
  switch (e.type) {
    case 'entity.too.large':
      return zh ? `不超过 ${e.limit} 字节` : `at most ${e.limit} bytes`;
    case 'entity.parse.failed':
      return zh ? `合法的 JSON（${e.message}）` : `valid JSON (${e.message})`;
    case 'encoding.unsupported':
      return zh
        ? `${e.message}；请以 identity、gzip、deflate 或 br 编码发送`
        : `${e.message}; send it as identity, gzip, deflate or br`;
    case 'charset.unsupported':
      return zh ? `${e.message}；请以 UTF-8 发送` : `${e.message}; send it as UTF-8`;
    case 'request.aborted':
      return zh ? '完整的请求体（请求已中断）' : 'the whole body (the request was aborted)';
  }
  // zlib's codes: a body that is not what its Content-Encoding says.
  if (e.code?.startsWith('Z_'))
    return zh
      ? `与 Content-Encoding 所声明的编码一致（${e.message}）`
      : `encoded as its Content-Encoding says (${e.message})`;
  return e.message;
}

/** A body the parsers refused (too large, not JSON, not the encoding it claims): its 4xx naming the body. */
export const bodyRefused = (e: ClientHttpError): ProblemException =>
  validationFailed((language) => [{ field: '(body)', rule: bodyRule(e, language) }], e.status);

/**
 * The JSON and form body parsers every service uses, whose refusals are validation answers: Nest's
 * own turned a JSON syntax error into a 400 naming no field and let the others become 500s.
 */
export const bodyParsers = () =>
  [json(), urlencoded({ extended: true })].map(
    (parse) => (req: Request, res: Response, next: NextFunction) =>
      parse(req, res, (err?: unknown) => next(isClientHttpError(err) ? bodyRefused(err) : err)),
  );
