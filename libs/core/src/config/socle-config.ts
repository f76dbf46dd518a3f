import { Type } from 'class-transformer';
import {
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** Every setting Socle reads, validated once at boot (see load-config.ts). */
export class SocleConfig {
  @IsIn(['development', 'test', 'production'])
  nodeEnv: 'development' | 'test' | 'production';

  @IsString()
  databaseUrl: string;

  @IsString()
  redisUrl: string;

  /** Prefix of every Redis key (BullMQ queues and rate limits), so several instances or test runs share one Redis. */
  @IsString()
  @Length(1, 64)
  redisPrefix: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  apiPort: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  gatewayPort: number;

  /** `tls`: the gateway terminates TLS and asks for client certificates; `proxy`: plain HTTP behind a trusted reverse proxy. */
  @IsIn(['tls', 'proxy'])
  gatewayMode: 'tls' | 'proxy';

  /** Addresses whose client-certificate header is believed (proxy mode only). */
  @IsString({ each: true })
  trustedProxies: string[];

  @IsString()
  @MinLength(1)
  clientCertHeader: string;

  /** Public base URL of the gateway, written into enrollment URLs and QR codes. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  publicGatewayUrl: string;

  /** DNS names and IP addresses put in the gateway's TLS certificate. */
  @IsString({ each: true })
  gatewayHostnames: string[];

  /** 32-byte key (base64) that encrypts CA private keys and other secrets at rest. */
  @IsBase64()
  masterKey: string;

  @IsString()
  @MinLength(32)
  jwtSecret: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  jwtTtlSeconds: number;

  @IsOptional()
  @IsEmail()
  bootstrapAdminEmail?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  bootstrapAdminPassword?: string;

  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(86400)
  checkinIntervalSeconds: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  deviceCertificateDays: number;

  /** A device with open commands and no check-in for this long is woken again by the reconciler. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  silentDeviceSeconds: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  reconcileIntervalSeconds: number;

  /** After a class session ends, how long pupils have to put the devices back in the cart before the return check lists them. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  returnCheckDelaySeconds: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginRateLimitPerMinute: number;

  /** Failed logins on one account before each further attempt waits (1 s, 2 s, 4 s… up to loginMaxDelaySeconds). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginFreeFailuresPerAccount: number;

  /** Failed logins from one address (any account: password spraying) before it is slowed the same way. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  loginFreeFailuresPerAddress: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86400)
  loginMaxDelaySeconds: number;

  /** Public base URL of the api and console (password-reset links, single sign-on redirects). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  publicUrl: string;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(10080)
  passwordResetTtlMinutes: number;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  enrollRateLimitPerMinute: number;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel: string;

  @IsString()
  secretsFile: string;

  /** Audit entries older than this are purged daily by the audit-retention job; 0 keeps them forever. */
  @Type(() => Number)
  @ValidateIf((config: SocleConfig) => config.auditRetentionDays !== 0)
  @IsInt()
  @Min(30, { message: 'must be 0 (keep forever) or at least 30 days' })
  @Max(36500)
  auditRetentionDays: number;
}
