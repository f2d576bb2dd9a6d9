/**
 * The shape every resolver function shares: parse the Forge context into the caller (who, from where, with how
 * much time left), check the payload against its schema, run the use case, and turn anything unexpected into a
 * typed error, except the one error Forge itself must see (the user's consent, below).
 */
import type { z } from 'zod';
import { readRuntimeConfig } from '../config/runtime-config';
import { logEvent } from '../logging/log';
import type { Caller } from '../services/caller';
import { startDeadline } from '../services/deadline';
import { needsUserConsent } from '../services/forge-consent';
import { fail, type Result } from '../shared/result';
import { parseCaller } from './request-context';

export type ResolverRequest = { payload: unknown; context: unknown };
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
    run: (input: z.output<S>, caller: Caller) => Promise<Result<T>>,
  ): Endpoint<z.input<S>, T> =>
  async ({ payload, context }: ResolverRequest): Promise<Result<T>> => {
    // Started first: the invocation's clock is already running.
    const deadline = startDeadline({ limitMs: readRuntimeConfig().invocationLimitMs });
    const caller = parseCaller(context, deadline);
    if (!caller) {
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
      const result = await run(parsed.data, caller);
      logEvent('resolver', {
        name,
        ok: result.ok,
        code: result.ok ? undefined : result.error.code,
        ms: Date.now() - started,
        // How close the call came to Forge's limit, to see a slow server coming before it costs a call.
        msLeft: deadline.remainingMs(),
      });
      return result;
    } catch (error) {
      if (needsUserConsent(error)) {
        // Forge turns this into its "allow access" prompt and runs the call again once the user agreed.
        logEvent('resolver_needs_consent', { name, ms: Date.now() - started });
        throw error;
      }
      logEvent('resolver_crash', { name, error: error instanceof Error ? error.name : typeof error, ms: Date.now() - started });
      return fail('internal_error', 'Something went wrong on our side. Try again, and contact your Bitbucket admin if it keeps happening.');
    }
  };
