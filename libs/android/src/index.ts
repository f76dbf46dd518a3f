export * from './android-error-codes';
export * from './android-errors';
export * from './config/android-settings';
export * from './client/service-account-key';
export * from './client/service-account-auth';
export * from './client/retry-policy';
export * from './client/semaphore';
export * from './client/android-management.client';
