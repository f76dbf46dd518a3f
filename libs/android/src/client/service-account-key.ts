import { createPrivateKey } from 'node:crypto';

/** The fields of a Google service-account JSON key that Socle uses. */
export interface ServiceAccountKey {
  clientEmail: string;
  privateKey: string;
  privateKeyId?: string;
  projectId?: string;
  /** Where the OAuth JWT-bearer exchange goes (Google's token endpoint, or a test fake). */
  tokenUri: string;
}

/** Parses and checks a key file's text; throws an Error whose message says what is wrong (never the key). */
export function parseServiceAccountKey(text: string): ServiceAccountKey {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not a JSON service-account key');
  }
  if (json.type !== 'service_account') throw new Error('"type" must be "service_account"');
  for (const field of ['client_email', 'private_key', 'token_uri']) {
    if (typeof json[field] !== 'string' || !json[field]) throw new Error(`"${field}" is missing`);
  }
  try {
    createPrivateKey(String(json.private_key));
  } catch {
    throw new Error('"private_key" is not a readable PEM private key');
  }
  try {
    new URL(String(json.token_uri));
  } catch {
    throw new Error('"token_uri" is not a URL');
  }
  return {
    clientEmail: String(json.client_email),
    privateKey: String(json.private_key),
    privateKeyId: typeof json.private_key_id === 'string' ? json.private_key_id : undefined,
    projectId: typeof json.project_id === 'string' ? json.project_id : undefined,
    tokenUri: String(json.token_uri),
  };
}
