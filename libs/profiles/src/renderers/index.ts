export type {
  AppCategory,
  AppPlatform,
  ProfileApp,
  ProfileContent,
  ProfileResource,
  ProfileRestrictions,
  ProfileWifi,
  ResourceKind,
  WifiSecurity,
} from './profile-content';
export type {
  AppleAppInstall,
  AppleMediaInstall,
  ProfileSigner,
  RenderedProfile,
  RenderOptions,
} from './rendered-profile';
export { renderProfile } from './render-profile';
export { APPLE_PROFILE_CONTENT_TYPE, renderAppleProfile } from './apple/apple-renderer';
export { applePayloadsOf, buildAppleProfile } from './apple/apple-profile-builder';
export type { AppleProfileBuild } from './apple/apple-profile-builder';
export type { AppleConfigurationProfile, ApplePayload } from './apple/apple-profile.types';
export { appleProfileFromBody } from './apple/apple-profile-reader';
export { validateAppleProfile } from './apple/apple-schema-validator';
export type { AppleSchemaOptions, AppleSchemaProblem } from './apple/apple-schema-validator';
export { buildAndroidPolicy, renderAndroidPolicy } from './android/android-renderer';
export type { AndroidPolicy, ApplicationPolicy, OpenNetworkConfiguration } from './android/android-policy.types';
export { buildAgentProfile, renderAgentProfile } from './agent/agent-renderer';
export { AGENT_PROFILE_FORMAT } from './agent/agent-profile.types';
export type { AgentProfileV1 } from './agent/agent-profile.types';
