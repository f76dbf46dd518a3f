import { AgentHttpError } from './agent-http-error';
import { sendRequest } from './gateway-http';
import { gatewayEndpoint } from './gateway-url';

/**
 * Trust on first use: the CA is downloaded once without verifying the server, then pinned for every
 * later request. Acceptable for demos and tests on a private network, which is why callers warn.
 */
export async function downloadGatewayCa(gatewayUrl: string, timeoutMs = 10_000): Promise<string> {
  const url = gatewayEndpoint(gatewayUrl, '/v1/ca.pem');
  const answer = await sendRequest({ method: 'GET', url, agent: false, timeoutMs, skipServerVerification: true }).catch(
    (error: Error & { code?: string }) => {
      throw Object.assign(new Error(`cannot download the gateway CA from ${url}: ${error.message}`), {
        code: error.code,
      });
    },
  );
  if (answer.status !== 200)
    throw new AgentHttpError('GET', url, answer.status, {
      statusCode: answer.status,
      message: answer.text.slice(0, 200),
    });
  if (!answer.text.includes('-----BEGIN CERTIFICATE-----'))
    throw new Error(`GET ${url} did not return a PEM certificate`);
  return answer.text;
}

export function unverifiedCaWarning(gatewayUrl: string): string {
  return `trusting the CA served by ${gatewayEndpoint(gatewayUrl, '/v1/ca.pem')} without verification; pass its PEM to verify it instead`;
}
