import 'reflect-metadata';
import { createPrivateKey, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { cpus } from 'node:os';
import * as forge from 'node-forge';
import {
  buildDeviceCertificate,
  createIntermediateCa,
  createRootCa,
  CreatedCa,
  DeviceCertificateRequest,
  DeviceCsr,
  issueDeviceCertificate,
  parseDeviceCsr,
  privateKeyObject,
  signCertificationRequest,
} from '@socle/pki';
import { publishResult } from '../support/bench-result';

/**
 * How fast Socle signs device certificates at enrollment: forge's pure-JavaScript signature, the
 * real path (forge layout + OpenSSL signature), and OpenSSL signing alone as the ceiling.
 */
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);
const PROGRESS_EVERY_MS = 1000;
const SLICES = 20;
const SLICE_MS = DURATION_MS / 10;
const RATIO_TARGET = 0.8;
const BAR_WIDTH = 50;

interface Rate {
  label: string;
  perSecond: number;
}

function measure(label: string, operation: () => void): Rate {
  console.log(`\n${label} (${DURATION_MS / 1000} s)`);
  operation();
  const start = performance.now();
  let count = 0;
  let nextProgress = start + PROGRESS_EVERY_MS;
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    operation();
    count++;
    const now = performance.now();
    elapsed = now - start;
    if (now >= nextProgress) {
      console.log(`  ${(elapsed / 1000).toFixed(1)} s  ${count} done  ${((count * 1000) / elapsed).toFixed(1)}/s`);
      nextProgress += PROGRESS_EVERY_MS;
    }
  }
  const perSecond = (count * 1000) / elapsed;
  console.log(`  => ${perSecond.toFixed(1)}/s`);
  return { label, perSecond };
}

/** Parsed once, as PkiService does before handing it over. */
function deviceCsr(): DeviceCsr {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  signCertificationRequest(csr, privateKey);
  return parseDeviceCsr(forge.pki.certificationRequestToPem(csr));
}

function deviceRequest(intermediate: CreatedCa, csr: DeviceCsr): DeviceCertificateRequest {
  return {
    ca: { certificatePem: intermediate.certificatePem, key: privateKeyObject(intermediate.privateKeyPem) },
    csr,
    deviceId: '3f0c8a52-51f4-4f57-9a3e-0d2b8c6e7f10',
    collectiviteId: '9b1d7e44-2c3a-4f8e-b5d6-7a8c9e0f1a2b',
    hardwareSerial: 'DMPXK2Q4HXYZ',
    days: 825,
  };
}

function signedWithForge(request: DeviceCertificateRequest, forgeKey: forge.pki.rsa.PrivateKey): forge.pki.Certificate {
  const cert = buildDeviceCertificate(request);
  cert.sign(forgeKey, forge.md.sha256.create());
  return cert;
}

function tbsLength(cert: forge.pki.Certificate): number {
  const [tbsCertificate] = forge.pki.certificateToAsn1(cert).value as forge.asn1.Asn1[];
  return forge.asn1.toDer(tbsCertificate).length();
}

function barChart(rates: Rate[]): string {
  const fastest = Math.max(...rates.map((rate) => rate.perSecond));
  const labelWidth = Math.max(...rates.map((rate) => rate.label.length));
  return rates
    .map((rate) => {
      const filled = Math.max(1, Math.round((rate.perSecond / fastest) * BAR_WIDTH));
      return `${rate.label.padEnd(labelWidth)} |${'#'.repeat(filled).padEnd(BAR_WIDTH)}| ${rate.perSecond.toFixed(0).padStart(6)}/s`;
    })
    .join('\n');
}

function main(): void {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; one thread`);
  console.log('Setting up: root CA (RSA-3072), collectivité intermediates (RSA-2048 and RSA-3072), one device CSR');
  const root = createRootCa({ commonName: 'Socle Bench Root CA' });
  const rootSigner = { certificatePem: root.certificatePem, key: privateKeyObject(root.privateKeyPem) };
  const intermediate2048 = createIntermediateCa(rootSigner, {
    collectiviteId: '9b1d7e44-2c3a-4f8e-b5d6-7a8c9e0f1a2b',
    name: 'Bench 2048',
    keyBits: 2048,
  });
  const intermediate3072 = createIntermediateCa(rootSigner, {
    collectiviteId: '9b1d7e44-2c3a-4f8e-b5d6-7a8c9e0f1a2b',
    name: 'Bench 3072',
    keyBits: 3072,
  });
  const csr = deviceCsr();
  const request = deviceRequest(intermediate2048, csr);
  const request3072 = deviceRequest(intermediate3072, csr);
  const forgeKey = forge.pki.privateKeyFromPem(intermediate2048.privateKeyPem) as forge.pki.rsa.PrivateKey;
  const nativeKey: KeyObject = createPrivateKey(intermediate2048.privateKeyPem);
  const tbs = randomBytes(tbsLength(signedWithForge(request, forgeKey)));

  const pureForge = measure('Device certificates, forge cert.sign (pure JavaScript RSA-2048)', () =>
    signedWithForge(request, forgeKey),
  );
  const [socle, raw] = alternate([
    {
      label: 'Device certificates, Socle path: forge layout + node:crypto RSA-2048 signature',
      operation: () => issueDeviceCertificate(request),
    },
    {
      label: `Raw node:crypto RSA-2048 SHA-256 signatures of ${tbs.length} bytes (size of a device TBS certificate)`,
      operation: () => sign('sha256', tbs, nativeKey),
    },
  ]);
  const production = measure('Device certificates, Socle path with an RSA-3072 intermediate (production default)', () =>
    issueDeviceCertificate(request3072),
  );

  console.log('\nSummary (RSA-2048 intermediate)');
  console.log(
    barChart([
      { label: 'forge cert.sign', perSecond: pureForge.perSecond },
      { label: 'Socle (forge + native)', perSecond: socle.perSecond },
      { label: 'raw node:crypto sign', perSecond: raw.perSecond },
    ]),
  );
  console.log(`\nSocle path / raw signing baseline: ${((socle.perSecond / raw.perSecond) * 100).toFixed(1)} %`);
  console.log(`Speed-up over pure forge:          × ${(socle.perSecond / pureForge.perSecond).toFixed(1)}`);
  console.log(`With an RSA-3072 intermediate:     ${production.perSecond.toFixed(0)} certificates/s`);
  const ratio = socle.perSecond / raw.perSecond;
  publishResult({
    bench: 'enroll',
    figure: 'device certificates signed (RSA-2048 CA)',
    unit: '/s',
    measured: socle.perSecond,
    baseline: raw.perSecond,
    ratio,
    target: `ratio ≥ ${RATIO_TARGET}`,
    met: ratio >= RATIO_TARGET,
  });
}

/**
 * The Socle path and its raw baseline in alternating slices, so that a change of load on a shared
 * machine weighs on both alike; each rate is the total count over the total time of its slices.
 */
function alternate(candidates: Array<{ label: string; operation: () => void }>): Rate[] {
  console.log(`\nAlternating in ${SLICES} slices of ${SLICE_MS} ms each:`);
  const totals = candidates.map(() => ({ count: 0, ms: 0 }));
  candidates.forEach((candidate) => candidate.operation());
  for (let slice = 0; slice < SLICES; slice++) {
    candidates.forEach((candidate, index) => {
      const start = performance.now();
      let now = start;
      while (now - start < SLICE_MS) {
        candidate.operation();
        totals[index].count++;
        now = performance.now();
      }
      totals[index].ms += now - start;
    });
  }
  return candidates.map((candidate, index) => {
    const perSecond = (totals[index].count * 1000) / totals[index].ms;
    console.log(`  ${candidate.label}: ${perSecond.toFixed(1)}/s`);
    return { label: candidate.label, perSecond };
  });
}

main();
