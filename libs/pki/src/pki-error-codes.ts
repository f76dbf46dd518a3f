/** Codes of certificate requests and of the device-certificate guard. The values are what clients switch on: never change one. */
export enum PkiErrorCode {
  CsrInvalid = 'CSR_INVALID',
  CertificateNotFound = 'CERTIFICATE_NOT_FOUND',
  CertificateRejected = 'CERTIFICATE_REJECTED',
  CertificateRequired = 'CERTIFICATE_REQUIRED',
  ProxyNotTrusted = 'PROXY_NOT_TRUSTED',
}
