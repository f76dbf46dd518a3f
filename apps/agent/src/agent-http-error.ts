import type { GatewayErrorBody } from './agent-types';

/** A non-2xx answer from the gateway; `code` is the contract's stable identifier (PACK_FULL, …). */
export class AgentHttpError extends Error {
  override readonly name = 'AgentHttpError';
  readonly code: string | undefined;

  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: GatewayErrorBody,
  ) {
    super(`${method} ${url} answered ${status}${body.code ? ` ${body.code}` : ''}: ${describe(body.message)}`);
    this.code = body.code;
  }
}

function describe(message: GatewayErrorBody['message']): string {
  if (Array.isArray(message)) return message.join('; ');
  return message ?? 'no message';
}

/** Groups failures in summaries: the gateway's code, else the HTTP status, else Node's network code. */
export function failureCode(error: unknown): string {
  if (error instanceof AgentHttpError) return error.code ?? `HTTP_${error.status}`;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}
