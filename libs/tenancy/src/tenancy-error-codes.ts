/** Codes of collectivités, schools, classrooms, users and login. The values are what clients switch on: never change one. */
export enum TenancyErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  CollectiviteNotFound = 'COLLECTIVITE_NOT_FOUND',
  SchoolNotFound = 'SCHOOL_NOT_FOUND',
  SchoolUaiTaken = 'SCHOOL_UAI_TAKEN',
  UaiInvalid = 'UAI_INVALID',
  ClassroomNameTaken = 'CLASSROOM_NAME_TAKEN',
  EmailTaken = 'EMAIL_TAKEN',
  SchoolsOnlyForTeachers = 'SCHOOLS_ONLY_FOR_TEACHERS',
}
