import { HttpStatus } from '@nestjs/common';
import { SocleError } from '@socle/core';
import { AndroidErrorCode } from './android-error-codes';

/** The French messages of the Android context, in one place so each code always says the same thing. */
export const androidErrors = {
  notConfigured: (missing: readonly string[]) =>
    new SocleError(
      HttpStatus.SERVICE_UNAVAILABLE,
      AndroidErrorCode.NotConfigured,
      `La gestion des tablettes Android n'est pas configurée sur ce serveur : l'opérateur doit définir ${missing.join(
        ' et ',
      )} (clé JSON du compte de service Google et identifiant du projet Google Cloud), puis redémarrer Socle.`,
      { missing },
    ),
  pushNotConfigured: () =>
    new SocleError(
      HttpStatus.SERVICE_UNAVAILABLE,
      AndroidErrorCode.PushNotConfigured,
      'Les notifications Pub/Sub ne sont pas configurées (SOCLE_ANDROID_PUBSUB_AUDIENCE) : Socle interroge Google périodiquement à la place.',
    ),
  pushUnauthorized: (reason: string) =>
    new SocleError(
      HttpStatus.UNAUTHORIZED,
      AndroidErrorCode.PushUnauthorized,
      `Notification refusée : le jeton de Google Pub/Sub n'est pas valable (${reason}).`,
    ),
  pushInvalid: (reason: string) =>
    SocleError.badRequest(AndroidErrorCode.PushInvalid, `Notification Pub/Sub illisible : ${reason}.`),
  authFailed: () =>
    new SocleError(
      HttpStatus.BAD_GATEWAY,
      AndroidErrorCode.AuthFailed,
      "Google a refusé la clé du compte de service Android : vérifiez que la clé n'a pas été révoquée et que l'API Android Management est activée sur le projet.",
    ),
  unavailable: () =>
    new SocleError(
      HttpStatus.SERVICE_UNAVAILABLE,
      AndroidErrorCode.ApiUnavailable,
      "Les serveurs de Google (Android Management) ne répondent pas : rien n'a été perdu, réessayez dans quelques minutes.",
    ),
  rateLimited: () =>
    new SocleError(
      HttpStatus.SERVICE_UNAVAILABLE,
      AndroidErrorCode.RateLimited,
      'Le quota de requêtes Android Management de Google est atteint : réessayez dans quelques minutes.',
    ),
  permissionDenied: () =>
    new SocleError(
      HttpStatus.BAD_GATEWAY,
      AndroidErrorCode.PermissionDenied,
      "Le compte de service n'a pas accès à cette entreprise Android : vérifiez qu'elle appartient bien au projet Google Cloud configuré.",
    ),
  rejected: (detail: string) =>
    new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      AndroidErrorCode.Rejected,
      `Google a refusé la demande : ${detail}`,
    ),
  notFound: (what: string) => SocleError.notFound(AndroidErrorCode.NotFound, `${what} est introuvable chez Google.`),
  deviceDeleted: (deviceName: string) =>
    new SocleError(
      HttpStatus.GONE,
      AndroidErrorCode.DeviceDeleted,
      "Cette tablette n'est plus gérée chez Google (supprimée ou réinitialisée) : retirez-la du parc ou réinscrivez-la avec le QR code du pack.",
      { deviceName },
    ),
  enterpriseNotBound: () =>
    SocleError.notFound(
      AndroidErrorCode.EnterpriseNotBound,
      "La collectivité n'est liée à aucune entreprise Android : un administrateur doit d'abord la créer ou la rattacher.",
    ),
  enterpriseAlreadyBound: (enterpriseName: string) =>
    SocleError.conflict(
      AndroidErrorCode.EnterpriseAlreadyBound,
      `La collectivité est déjà liée à l'entreprise Android ${enterpriseName} : elle ne peut pas en changer.`,
      { enterpriseName },
    ),
  enterpriseTaken: () =>
    SocleError.conflict(
      AndroidErrorCode.EnterpriseTaken,
      'Cette entreprise Android est déjà liée à une autre collectivité.',
    ),
  enterpriseNotFound: (enterpriseName: string) =>
    new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      AndroidErrorCode.EnterpriseNotFound,
      `L'entreprise Android ${enterpriseName} est introuvable, ou le compte de service de Socle n'y a pas accès : vérifiez son nom (enterprises/…).`,
    ),
  signupUnknown: () =>
    SocleError.notFound(
      AndroidErrorCode.SignupUnknown,
      "Cette inscription Android est inconnue ou déjà terminée : recommencez l'inscription depuis la console.",
    ),
  signupExpired: () =>
    SocleError.conflict(
      AndroidErrorCode.SignupExpired,
      "Le lien d'inscription Android a expiré : recommencez l'inscription depuis la console.",
    ),
  commandNotSupported: (type: string) =>
    new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      AndroidErrorCode.CommandNotSupported,
      `La commande « ${type} » n'existe pas pour les tablettes Android.`,
      { type },
    ),
};
