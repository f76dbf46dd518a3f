import * as pkijs from 'pkijs';
import { attributeText, bufferOf, parseBer, toPem } from '../cms/asn1-glue';
import { CMS_OID } from './scep-protocol';

/** What the issuer gets from the enveloped PKCS#10 request. */
export interface ScepCsr {
  der: Buffer;
  pem: string;
  /** Subject attributes by short name (CN, O, OU, C, serialNumber…), as the device asked; the issuer decides. */
  subject: Record<string, string>;
  challengePassword?: string;
  /** DER SubjectPublicKeyInfo, to compare with the signer certificate of the message. */
  publicKeyDer: Buffer;
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

/** Reads and self-verifies a PKCS#10 request; throws a plain Error on anything else. */
export async function readScepCsr(der: Buffer): Promise<ScepCsr> {
  const request = new pkijs.CertificationRequest({ schema: parseBer(der) });
  if (!(await request.verify())) throw new Error('the request is not signed by its own key');
  const subject: Record<string, string> = {};
  for (const { type, value } of request.subject.typesAndValues) {
    const text = (value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (typeof text === 'string') subject[SHORT_NAMES[type] ?? type] = text;
  }
  const challengeAttribute = request.attributes?.find((attribute) => attribute.type === CMS_OID.challengePassword);
  return {
    der,
    pem: toPem('CERTIFICATE REQUEST', der),
    subject,
    challengePassword: challengeAttribute ? attributeText(request.attributes, CMS_OID.challengePassword) : undefined,
    publicKeyDer: bufferOf(request.subjectPublicKeyInfo.toSchema().toBER(false)),
  };
}
