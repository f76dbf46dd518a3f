import { randomUUID } from 'node:crypto';

/** A non-GET request made through an ApiClient, with the request id it carried. */
export interface RecordedMutation {
  method: string;
  path: string;
  requestId: string;
  status: number;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A file as the browser saves it: the bytes untouched (CSV with its BOM, PDF, signed profile). */
export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** A thin fetch wrapper so a scenario reads as the calls a technician's console would make. */
export class ApiClient {
  /** Set by test/setup/audit-every-mutation.ts: every non-GET request then carries its own X-Request-Id and is remembered here. */
  static mutations?: RecordedMutation[];

  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('GET', path);
  }

  post<T = any>(path: string, body?: unknown, contentType = 'application/json'): Promise<ApiResponse<T>> {
    return this.request('POST', path, body, contentType);
  }

  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request('PATCH', path, body);
  }

  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request('PUT', path, body);
  }

  delete<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request('DELETE', path);
  }

  async download(path: string): Promise<Download> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    const recorded = method !== 'GET' && ApiClient.mutations ? `e2e-${randomUUID()}` : undefined;
    if (recorded) headers['x-request-id'] = recorded;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    if (recorded) ApiClient.mutations?.push({ method, path, requestId: recorded, status: response.status });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON answers (PEM, HTML docs) are returned as text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}
