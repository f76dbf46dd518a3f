import { Client } from 'pg';
import { ApiClient, RecordedMutation } from '../support/api-client';

/**
 * In every e2e suite: each successful non-GET request made through an ApiClient must have left at
 * least one audit entry carrying its request id (the X-Request-Id it sent). Checked generically,
 * after the suite, against the run's database — a new route that forgets its audit fails here.
 */
const NOT_MUTATIONS: RegExp[] = [
  /^POST \/api\/v1\/auth\/login$/, // signs in, changes nothing
];

const isE2e = () => /\.e2e-spec\.ts$/.test(expect.getState().testPath ?? '');

beforeAll(() => {
  if (isE2e()) ApiClient.mutations = [];
});

afterAll(async () => {
  const recorded = ApiClient.mutations ?? [];
  ApiClient.mutations = undefined;
  const mutations = recorded.filter(
    (mutation) =>
      mutation.status >= 200 &&
      mutation.status < 300 &&
      !NOT_MUTATIONS.some((pattern) => pattern.test(`${mutation.method} ${mutation.path.split('?')[0]}`)),
  );
  if (!mutations.length) return;
  const client = new Client({ connectionString: process.env.SOCLE_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ request_id: string }>(
      'SELECT DISTINCT request_id FROM audit_entries WHERE request_id = ANY($1::text[])',
      [mutations.map((mutation) => mutation.requestId)],
    );
    const audited = new Set(rows.map((row) => row.request_id));
    const unaudited = mutations
      .filter((mutation: RecordedMutation) => !audited.has(mutation.requestId))
      .map((mutation) => `${mutation.method} ${mutation.path} → ${mutation.status}`);
    expect({ unaudited }).toEqual({ unaudited: [] });
  } finally {
    await client.end();
  }
});
