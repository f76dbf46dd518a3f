import { t } from '../i18n/i18n';

export const OS_FAMILIES = ['ipados', 'android', 'windows', 'chromeos', 'linux'];
export const DEVICE_KINDS = ['tablet', 'laptop', 'tablet_pc'];
export const CAPACITIES = [10, 12, 15];

export const osLabel = (os: string) => t(`os.${os}`, { defaultValue: os });
export const kindLabel = (kind: string) => t(`deviceKind.${kind}`, { defaultValue: kind });
export const stateLabel = (state: string) => t(`deviceState.${state}`, { defaultValue: state });
export const options = (values: Array<string | number>, label: (value: string) => string) =>
  values.map((value) => ({ value: String(value), label: label(String(value)) }));
