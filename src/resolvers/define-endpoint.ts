/**
 * The shape every resolver function shares: check who is calling (from the runtime, never the payload),
 * check the payload against its schema, run the use case, and turn anything unexpected into a typed error.
 */
import { NeedsAuthenticationError } from '@forge/api';
import type { z } from 'zod';
import { logEvent } from '../logging/log';
import { fail, type Result } from '../shared/result';

export type ResolverRequest = { payload: unknown; context: { accountId?: unknown } & Record<string, unknown> };
export type CallerContext = { accountId: string; context: ResolverRequest['context'] };
/** The schema's input type rides along as a type only, for the contract check (src/shared/resolver-contract.ts). */
export type Endpoint<Input, Output> = ((request: ResolverRequest) => Promise<Result<Output>>) & {
  readonly contract?: (input: Input) => Output;
};

/** Field path of the first schema issue, for showing the message next to the right input. */
const issueField = (issue: z.core.$ZodIssue | undefined): string | undefined => {
  const first = issue?.path[0];
  return typeof first === 'string' ? first : undefined;
};

export const defineEndpoint =
  <S extends z.ZodType, T>(
    name: string,
    schema: S,
    run: (input: z.output<S>, caller: CallerContext) => Promise<Result<T>>,
  ): Endpoint<z.input<S>, T> =>
  async ({ payload, context }: ResolverRequest): Promise<Result<T>> => {
    const accountId = context.accountId;
    if (typeof accountId !== 'string' || accountId === '') {
      return fail('unauthenticated', 'Sign in to Bitbucket to use TeamCity from Bitbucket.');
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issueField(issue);
      const message =
        issue?.code === 'unrecognized_keys'
          ? `Unexpected field${issue.keys.length > 1 ? 's' : ''} in the request: ${issue.keys.slice(0, 5).join(', ').slice(0, 200)}.`
          : (issue?.message ?? 'The request is not valid.');
      return fail('invalid_input', message, field);
    }
    const started = Date.now();
    try {
      const result = await run(parsed.data, { accountId, context });
      logEvent('resolver', { name, ok: result.ok, code: result.ok ? undefined : result.error.code, ms: Date.now() - started });
      return result;
    } catch (error) {
      // Forge turns it into the "Allow access" prompt; a typed result would hide it.
      if (error instanceof NeedsAuthenticationError) throw error;
      logEvent('resolver_crash', { name, error: error instanceof Error ? error.name : typeof error, ms: Date.now() - started });
      return fail('internal_error', 'Something went wrong on our side. Try again, and contact your Bitbucket admin if it keeps happening.');
    }
  };
