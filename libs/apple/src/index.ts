// Apple's own protocols, as building blocks the Apple platform module wires into the gateway
// (/v1/scep, /mdm/checkin, /mdm/connect) and the command pipeline. Nothing here touches the database.

// SCEP (RFC 8894)
export { ScepServer, SCEP_CAPABILITIES } from './scep/scep-server';
export type {
  ScepCaCertificates,
  ScepIssueRequest,
  ScepIssueResult,
  ScepIssuer,
  ScepKeyPair,
  ScepServerOptions,
} from './scep/scep-server';
export { handleScepHttp, SCEP_MAX_MESSAGE_BYTES } from './scep/scep-http';
export type { ScepHttpRequest, ScepHttpResponse } from './scep/scep-http';
export type { ScepCsr } from './scep/scep-csr';
export type { ScepFailInfo, ScepMessageType } from './scep/scep-protocol';

// Device authentication on the MDM endpoints
export { verifyMdmSignature } from './mdm/mdm-signature';
export type { MdmSignatureOptions, MdmSignatureProblem, MdmSignatureResult } from './mdm/mdm-signature';

// Check-in and command reports
export { CheckinMessageError, parseCheckinMessage } from './mdm/checkin-messages';
export type {
  AuthenticateMessage,
  CheckinMessage,
  CheckinProblemCode,
  CheckOutMessage,
  DeclarativeManagementMessage,
  TokenUpdateMessage,
} from './mdm/checkin-messages';
export {
  CommandReportError,
  CommandResponseError,
  deviceInformationOf,
  installedApplicationsOf,
  parseCommandReport,
  profileListOf,
  securityInformationOf,
} from './mdm/command-reports';
export type {
  CommandReport,
  DeviceInformation,
  InstalledApplication,
  InstalledProfile,
  MdmErrorChainItem,
  SecurityInformation,
} from './mdm/command-reports';
export { MAX_MDM_BODY_BYTES, MdmBodyError } from './mdm/plist-body';
export { unrecognizedDeviceResponse } from './mdm/mdm-errors';

// Commands
export * from './commands/mdm-commands';
export { validateMdmCommand } from './commands/mdm-command-validator';

// Enrollment profile
export {
  buildEnrollmentProfile,
  MDM_ACCESS_RIGHTS,
  renderEnrollmentProfile,
  SOCLE_ACCESS_RIGHTS,
} from './enrollment/enrollment-profile';
export type { EnrollmentProfileInput } from './enrollment/enrollment-profile';

// Declarative device management
export {
  declarationForEndpoint,
  declarationItemsResponse,
  kindOf,
  legacyProfile,
  simpleActivation,
  SOCLE_STATUS_SUBSCRIPTIONS,
  softwareUpdateEnforcement,
  statusSubscriptions,
  tokenOf,
  tokensResponse,
} from './declarative/declarations';
export type { Declaration, DeclarationKind } from './declarative/declarations';
export { parseStatusReport, StatusReportError } from './declarative/status-report';
export type { DeviceStatus, StatusReport } from './declarative/status-report';
export { validateDdmResponse, validateDeclaration } from './declarative/declaration-validator';

// APNs
export { APNS_PRODUCTION_URL, ApnsClient } from './apns/apns-client';
export type { ApnsClientOptions, PushResult, PushTarget } from './apns/apns-client';
export { daysUntilExpiry, PushCertificateError, readPushCertificate } from './apns/push-certificate';
export type { PushCertificate, PushCertificateInput, PushCertificateProblem } from './apns/push-certificate';

// Apple's schemas, for the wiring's own tests
export { AppleSchemaFiles } from './schema/apple-schema-files';
export type { AppleKey, AppleOs, AppleSchema, AppleSchemaFolder } from './schema/apple-schema-files';
export { validateAppleKeys } from './schema/apple-keys-validator';
export type { AppleKeyProblem, AppleKeysOptions } from './schema/apple-keys-validator';
