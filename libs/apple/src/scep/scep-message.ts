import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf, attributeBytes, attributeText, attributeTime } from '../cms/asn1-glue';
import { checkSignature, CmsSigner, readSignedData, signData } from '../cms/signed-data';
import {
  CMS_OID,
  messageTypeOfCode,
  SCEP_FAIL_INFO_CODES,
  SCEP_MESSAGE_TYPE_CODES,
  SCEP_OID,
  SCEP_PKI_STATUS_CODES,
  ScepFailInfo,
  ScepMessageType,
} from './scep-protocol';

/** A client's pkiMessage (RFC 8894 §3.2), read but not yet trusted: `signatureValid` says whether to. */
export interface ScepRequestMessage {
  transactionId: string;
  messageType: ScepMessageType;
  senderNonce: Buffer;
  signingTime?: Date;
  signatureValid: boolean;
  signatureProblem?: string;
  /** The certificate the client signed with: self-signed for PKCSReq, an earlier SCEP certificate for RenewalReq. */
  signerCertificate?: pkijs.Certificate;
  /** The EnvelopedData (DER) holding the PKCS#10 request. */
  envelope?: Buffer;
}

/** Not even the attributes a CertRep must echo can be read: the answer is HTTP 400, not a CertRep. */
export class UnreadableScepMessage extends Error {}

export async function readScepRequest(der: Buffer): Promise<ScepRequestMessage> {
  let read: ReturnType<typeof readSignedData>;
  try {
    read = readSignedData(der);
  } catch (error) {
    throw new UnreadableScepMessage(`not a CMS SignedData with one signer (${(error as Error).message})`);
  }
  const attributes = read.signerInfo.signedAttrs?.attributes;
  const transactionId = attributeText(attributes, SCEP_OID.transactionId);
  const messageType = messageTypeOfCode(attributeText(attributes, SCEP_OID.messageType));
  const senderNonce = attributeBytes(attributes, SCEP_OID.senderNonce);
  if (!transactionId) throw new UnreadableScepMessage('transactionID attribute missing');
  if (!messageType) throw new UnreadableScepMessage('messageType attribute missing or unknown');
  if (!senderNonce?.length) throw new UnreadableScepMessage('senderNonce attribute missing');
  const signature = await checkSignature(read);
  return {
    transactionId,
    messageType,
    senderNonce,
    signingTime: attributeTime(attributes, CMS_OID.signingTime),
    signatureValid: signature.valid,
    signatureProblem: signature.reason,
    signerCertificate: signature.signerCertificate,
    envelope: read.content,
  };
}

export type CertRepOutcome =
  { status: 'SUCCESS'; envelope: Buffer; issuedCertificateDer: Buffer } | { status: 'FAILURE'; failInfo: ScepFailInfo };

/** A signed CertRep answering `request` (RFC 8894 §3.3.2): echoes its transaction id, nonce in return. */
export function buildCertRep(
  request: Pick<ScepRequestMessage, 'transactionId' | 'senderNonce'>,
  outcome: CertRepOutcome,
  signer: CmsSigner,
  senderNonce: Buffer,
): Promise<Buffer> {
  const printable = (type: string, value: string) =>
    new pkijs.Attribute({ type, values: [new asn1js.PrintableString({ value })] });
  const octetString = (type: string, value: Buffer) =>
    new pkijs.Attribute({ type, values: [new asn1js.OctetString({ valueHex: arrayBufferOf(value) })] });
  const attributes = [
    printable(SCEP_OID.transactionId, request.transactionId),
    printable(SCEP_OID.messageType, SCEP_MESSAGE_TYPE_CODES.CertRep),
    printable(SCEP_OID.pkiStatus, SCEP_PKI_STATUS_CODES[outcome.status]),
    ...(outcome.status === 'FAILURE' ? [printable(SCEP_OID.failInfo, SCEP_FAIL_INFO_CODES[outcome.failInfo])] : []),
    octetString(SCEP_OID.senderNonce, senderNonce),
    octetString(SCEP_OID.recipientNonce, request.senderNonce),
  ];
  return signData({
    content: outcome.status === 'SUCCESS' ? outcome.envelope : undefined,
    signer,
    attributes,
  });
}
