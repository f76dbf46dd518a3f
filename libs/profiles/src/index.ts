export * from './catalog/catalog-app.entity';
export * from './profile.entity';
export * from './profile-version.entity';
export * from './profile-assignment.entity';
export * from './installed-profile.entity';
export * from './profile-convergence.service';
export * from './profile-delivery-hooks';
export * from './profile-render.service';
export * from './profiles.service';
export * from './profiles.module';
export * from './profiles-api.module';
export * from './profiles-gateway.module';
// For other contexts that render Apple payloads of their own (filtering policies): same signing, UUIDs and schema checks.
export { APPLE_PROFILE_CONTENT_TYPE, appleProfileFromBody, validateAppleProfile } from './renderers';
export type { AppleSchemaProblem, ProfileContent, ProfileSigner } from './renderers';
export { signedData } from './renderers/apple/cms-signed-data';
export { nameBasedUuid } from './renderers/deterministic-uuid';
