import { JWT } from 'google-auth-library';
import type { ServiceAccountKey } from './service-account-key';

export const ANDROID_MANAGEMENT_SCOPE = 'https://www.googleapis.com/auth/androidmanagement';
/** Where google-auth-library (gtoken) always posts its JWT-bearer grant, whatever the key file says. */
const LIBRARY_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * The OAuth client of the service account, built so that the exchange goes where the key file says.
 * With a scope, the library exchanges a signed JWT for an access token (without one it would send a
 * self-signed JWT to the API instead, which AMAPI does not accept); but it posts that grant to
 * Google's fixed endpoint with Google's URL as audience. The key's `token_uri` is honoured by
 * setting the `aud` claim to it and rewriting that one URL on the client's own transporter.
 */
export function serviceAccountAuth(key: ServiceAccountKey): JWT {
  const jwt = new JWT({
    email: key.clientEmail,
    key: key.privateKey,
    keyId: key.privateKeyId,
    scopes: [ANDROID_MANAGEMENT_SCOPE],
    additionalClaims: { aud: key.tokenUri },
    // Node's own fetch: gaxios would otherwise load node-fetch through a dynamic ESM import.
    transporterOptions: { fetchImplementation: fetch },
  });
  if (key.tokenUri !== LIBRARY_TOKEN_URL) {
    jwt.transporter.interceptors.request.add({
      resolved: async (options) => {
        if (String(options.url) === LIBRARY_TOKEN_URL) options.url = new URL(key.tokenUri);
        return options;
      },
    });
  }
  return jwt;
}
