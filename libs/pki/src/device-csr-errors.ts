import { SocleError } from '@socle/core';
import { PkiErrorCode } from './pki-error-codes';

export type CsrProblem =
  | 'missing'
  | 'too_large'
  | 'not_pem'
  | 'not_a_csr'
  | 'unreadable'
  | 'unreadable_key'
  | 'key_not_rsa'
  | 'key_too_small'
  | 'key_too_large'
  | 'unsupported_signature_algorithm'
  | 'bad_signature';

const REGENERATE = "Régénérez la demande sur l'appareil et renvoyez-la sans la modifier.";
const NEW_RSA_KEY = 'Générez une nouvelle clé RSA de 2048 bits (ou 3072) et une nouvelle CSR.';

const MESSAGES: Record<CsrProblem, (details: Record<string, string | number>) => string> = {
  missing: () =>
    "La demande de certificat (CSR) est absente : l'appareil doit envoyer sa CSR au format PEM (bloc « -----BEGIN CERTIFICATE REQUEST----- »).",
  too_large: () =>
    "La demande de certificat (CSR) est trop volumineuse (plus de 64 Kio) : envoyez uniquement le bloc PEM « CERTIFICATE REQUEST » généré par l'appareil.",
  not_pem: () =>
    "La demande de certificat (CSR) n'est pas au format PEM : envoyez le bloc « -----BEGIN CERTIFICATE REQUEST----- … -----END CERTIFICATE REQUEST----- » généré par l'appareil.",
  not_a_csr: ({ label }) =>
    `Le document PEM envoyé est de type « ${label} », pas une demande de certificat (CSR) : envoyez le bloc « CERTIFICATE REQUEST » généré par l'appareil, ni son certificat ni sa clé.`,
  unreadable: () =>
    `La demande de certificat (CSR) est illisible : ce n'est pas une requête PKCS#10 valide (contenu tronqué ou altéré). ${REGENERATE}`,
  unreadable_key: () => `La clé publique contenue dans la demande de certificat (CSR) est illisible. ${REGENERATE}`,
  key_not_rsa: ({ keyType }) =>
    `La clé de la demande de certificat est de type « ${keyType} » : Socle n'accepte que des clés RSA d'au moins 2048 bits. ${NEW_RSA_KEY}`,
  key_too_small: ({ keyBits }) =>
    `La clé RSA de la demande de certificat ne fait que ${keyBits} bits, il en faut au moins 2048. ${NEW_RSA_KEY}`,
  key_too_large: ({ keyBits }) =>
    `La clé RSA de la demande de certificat fait ${keyBits} bits, au-delà des 8192 bits acceptés. ${NEW_RSA_KEY}`,
  unsupported_signature_algorithm: ({ algorithm }) =>
    `La demande de certificat est signée avec un algorithme non accepté (${algorithm}) : signez-la en RSA avec SHA-256 (ou SHA-384, SHA-512).`,
  bad_signature: () =>
    `La signature de la demande de certificat (CSR) est invalide : la demande a été modifiée après sa création ou ne correspond pas à sa clé. ${REGENERATE}`,
};

/** `details.problem` lets clients and tests tell the cases apart without parsing the French message. */
export function csrInvalid(problem: CsrProblem, details: Record<string, string | number> = {}): SocleError {
  return SocleError.badRequest(PkiErrorCode.CsrInvalid, MESSAGES[problem](details), { problem, ...details });
}
