import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';

/** Every problem's `type` is this base and its code: one page per code (RFC 9457 §3.1.1). */
export const PROBLEM_BASE = 'https://otr.example.cn/problems/';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * The languages answers are written in. zh-CN first: it is the default, for a caller that asks for
 * neither (or sends no Accept-Language) — the regulator's own staff and the public it serves.
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The caller's language by its Accept-Language, negotiated by express (accepts/negotiator). */
export const languageOf = (req: Pick<Request, 'acceptsLanguages'>): Language =>
  (req.acceptsLanguages(...LANGUAGES) as Language | false) || LANGUAGES[0];

/** A field that broke a rule, with the document the rule rests on when the refusal cites one. */
export interface FieldIssue {
  field: string;
  rule: string;
  source?: string;
}

/** The one error body of every service and the gateway (RFC 9457 problem details). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path the problem occurred on. */
  instance: string;
  /** The machine code: a DomainError's code, 'validation-failed', 'unauthorized', … */
  code: string;
  errors?: FieldIssue[];
  /** A 429's wait, also sent as Retry-After (an extension member, RFC 9457 §3.2). */
  retryAfterSeconds?: number;
}

/** What went wrong, in English, before it is written in the caller's language. */
export interface ProblemFacts {
  status: number;
  code: string;
  detail?: string;
  /** Field issues; a function when they are worded per language (zod's locales). */
  errors?: FieldIssue[] | ((language: Language) => FieldIssue[]);
  retryAfterSeconds?: number;
}

const zhTitles = new Map<string, string>();
const zhPhrases = new Map<string, string>();

/**
 * The zh-CN catalogue: a title per problem code, and the sentences (details, rules) the code writes
 * in English with their zh-CN text. Each service adds its own; codes are namespaced, so they merge.
 */
export interface ProblemTexts {
  titles?: Record<string, string>;
  phrases?: Record<string, string>;
}

export function addProblemTexts({ titles = {}, phrases = {} }: ProblemTexts): void {
  for (const [code, title] of Object.entries(titles)) zhTitles.set(code, title);
  for (const [en, zh] of Object.entries(phrases)) zhPhrases.set(en, zh);
}

export const hasZhTitle = (code: string): boolean => zhTitles.has(code);

/** A sentence in the language: its catalogue text in zh-CN where there is one, else the English. */
export const phrase = (text: string, language: Language): string =>
  language === 'en' ? text : (zhPhrases.get(text) ?? text);

/** A code for an answer that has only its HTTP status: 'not-found', 'too-many-requests', … */
export const statusCode = (status: number): string =>
  (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-');

/** 'registration.ApplicationNotFound' → 'Application not found'; 'not-found' → 'Not found'. */
function englishTitle(code: string): string {
  const words = (code.split('.').pop() ?? code).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** Builds the problem body, in the language, for the request path. */
export function problem(facts: ProblemFacts, language: Language, instance: string): Problem {
  const issues = typeof facts.errors === 'function' ? facts.errors(language) : facts.errors;
  const errors = issues?.map((i) => ({ ...i, rule: phrase(i.rule, language) }));
  const zh = language === 'zh-CN';
  const title = zh
    ? (zhTitles.get(facts.code) ?? zhTitles.get(statusCode(facts.status)) ?? englishTitle(facts.code))
    : englishTitle(facts.code);
  const detail = facts.detail
    ? phrase(facts.detail, language)
    : (errors?.map((i) => `${i.field}${zh ? '：' : ': '}${i.rule}`).join(zh ? '；' : '; ') ?? title);
  return {
    type: `${PROBLEM_BASE}${facts.code}`,
    title,
    status: facts.status,
    detail,
    instance,
    code: facts.code,
    ...(errors?.length ? { errors } : {}),
    ...(facts.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: facts.retryAfterSeconds }),
  };
}

/** Writes the problem as the answer, in the language the request asks for. */
export function sendProblem(req: Request, res: Response, facts: ProblemFacts): void {
  const language = languageOf(req);
  if (facts.retryAfterSeconds !== undefined) res.set('Retry-After', String(facts.retryAfterSeconds));
  res
    .status(facts.status)
    .type(PROBLEM_MEDIA_TYPE)
    .set('Content-Language', language)
    .vary('Accept-Language')
    .json(problem(facts, language, req.originalUrl.split('?')[0]));
}

/**
 * The answer while a store the request needs (the database) is away: come back shortly — never
 * "sign in" to a signed-in caller, never a 500.
 */
export const UNAVAILABLE: ProblemFacts = {
  status: 503,
  code: 'service-unavailable',
  detail: 'the database is unavailable for a moment; try again shortly',
  retryAfterSeconds: 5,
};

/** The detail of a 429 from a rate limit (the Retry-After header says when to come back). */
export const TOO_MANY_REQUESTS = 'too many requests from this client; try again later';

/** A refusal thrown where the request is not at hand (pipes, handlers); the errors filter writes it. */
export class ProblemException extends HttpException {
  constructor(readonly facts: ProblemFacts) {
    // Its message is the English detail, for logs and for filters that write their own shape (GeoReport).
    super(problem(facts, 'en', '').detail, facts.status);
  }
}

addProblemTexts({
  // The HTTP statuses' titles, for answers that carry only a status.
  titles: {
    'validation-failed': '输入不符合要求',
    'bad-request': '请求有误',
    unauthorized: '需要登录',
    forbidden: '无权进行此操作',
    'not-found': '未找到',
    'method-not-allowed': '不支持该请求方法',
    conflict: '与当前状态冲突',
    'payload-too-large': '请求体过大',
    'unsupported-media-type': '不支持的内容类型',
    'unprocessable-entity': '不符合业务规则',
    locked: '已锁定',
    'account-locked': '账户已锁定',
    'too-many-requests': '请求过于频繁',
    'internal-server-error': '服务内部错误',
    'bad-gateway': '服务没有应答',
    'service-unavailable': '服务暂不可用',
    'gateway-timeout': '服务应答超时',
    // The shared libraries' refusals.
    'kernel.InvalidMoney': '金额无效',
    'kernel.InvalidDate': '日期无效',
    'rules.InvalidJurisdiction': '行政区划代码无效',
    'storage.BlobNotFound': '未找到该文件',
    'storage.BlobTooLarge': '文件过大',
    'storage.BlobTypeNotAllowed': '不接受该文件类型',
    'storage.UploadQuotaExceeded': '上传过于频繁',
  },
  phrases: {
    'sign in required': '请先登录',
    [UNAVAILABLE.detail!]: '数据库暂时不可用，请稍后重试',
    'internal error': '服务内部错误，请稍后重试',
    required: '必填',
    [TOO_MANY_REQUESTS]: '此客户端请求过于频繁，请稍后再试',
    'the service is not answering': '服务没有应答，请稍后重试',
    'no such route': '没有这个地址',
    'wrong username or password': '用户名或密码错误',
    'refresh token expired or unknown': '登录已过期，请重新登录',
    'refresh token already used': '登录凭据已使用，请重新登录',
    'refresh token reused; signed out everywhere for this session':
      '登录凭据被重复使用，此会话已在所有设备上退出',
    'account disabled': '账户已停用',
    'invalid principal': '身份凭据无效',
    'invalid or expired family token': '家长登录无效或已过期',
    'family sign-in required': '请先以家长身份登录',
    'ThrottlerException: Too Many Requests': '请求过于频繁，请稍后再试',
  },
});
