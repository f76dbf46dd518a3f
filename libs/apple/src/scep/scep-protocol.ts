/** SCEP's vocabulary (RFC 8894 §3.2.1): attribute OIDs and the printable codes they carry. */
export const SCEP_OID = {
  messageType: '2.16.840.1.113733.1.9.2',
  pkiStatus: '2.16.840.1.113733.1.9.3',
  failInfo: '2.16.840.1.113733.1.9.4',
  senderNonce: '2.16.840.1.113733.1.9.5',
  recipientNonce: '2.16.840.1.113733.1.9.6',
  transactionId: '2.16.840.1.113733.1.9.7',
} as const;

export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  challengePassword: '1.2.840.113549.1.9.7',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaOaep: '1.2.840.113549.1.1.7',
} as const;

export type ScepMessageType = 'PKCSReq' | 'RenewalReq' | 'CertRep' | 'CertPoll' | 'GetCert' | 'GetCRL';

export const SCEP_MESSAGE_TYPE_CODES: Record<ScepMessageType, string> = {
  CertRep: '3',
  RenewalReq: '17',
  PKCSReq: '19',
  CertPoll: '20',
  GetCert: '21',
  GetCRL: '22',
};

export type ScepFailInfo = 'badAlg' | 'badMessageCheck' | 'badRequest' | 'badTime' | 'badCertId';

export const SCEP_FAIL_INFO_CODES: Record<ScepFailInfo, string> = {
  badAlg: '0',
  badMessageCheck: '1',
  badRequest: '2',
  badTime: '3',
  badCertId: '4',
};

export const SCEP_PKI_STATUS_CODES = { SUCCESS: '0', FAILURE: '2', PENDING: '3' } as const;
export type ScepPkiStatus = keyof typeof SCEP_PKI_STATUS_CODES;

export function messageTypeOfCode(code: string | undefined): ScepMessageType | undefined {
  return (Object.keys(SCEP_MESSAGE_TYPE_CODES) as ScepMessageType[]).find(
    (type) => SCEP_MESSAGE_TYPE_CODES[type] === code,
  );
}

export function failInfoOfCode(code: string | undefined): ScepFailInfo | undefined {
  return (Object.keys(SCEP_FAIL_INFO_CODES) as ScepFailInfo[]).find((info) => SCEP_FAIL_INFO_CODES[info] === code);
}

export function pkiStatusOfCode(code: string | undefined): ScepPkiStatus | undefined {
  return (Object.keys(SCEP_PKI_STATUS_CODES) as ScepPkiStatus[]).find(
    (status) => SCEP_PKI_STATUS_CODES[status] === code,
  );
}
