/** Joins the contract's `/v1/...` routes to a gateway base URL, keeping any path prefix of a reverse proxy. */
export function gatewayEndpoint(gatewayUrl: string, route: string): string {
  return `${gatewayUrl.replace(/\/+$/, '')}${route}`;
}

export function isPlainHttp(gatewayUrl: string): boolean {
  return new URL(gatewayUrl).protocol === 'http:';
}
