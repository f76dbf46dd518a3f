/** Codes of the audit trail. The values are what clients switch on: never change one. */
export enum AuditErrorCode {
  CursorInvalid = 'CURSOR_INVALID',
}
