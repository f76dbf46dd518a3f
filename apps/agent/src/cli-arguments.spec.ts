import { CliUsageError, DEFAULT_GATEWAY_URL, parseAgentArguments, parseEnrollUrl } from './cli-arguments';

const run = (argv: string[]) => {
  const command = parseAgentArguments(argv);
  if (command.kind !== 'run') throw new Error('expected a run command');
  return command.options;
};

describe('parseAgentArguments', () => {
  it('reads the example invocation of the README', () => {
    const options = run([
      '--token',
      'T',
      '--count',
      '15',
      '--os',
      'ipados',
      '--ca',
      'ca.pem',
      '--interval',
      '60',
      '--checkins',
      '3',
    ]);
    expect(options).toEqual({
      gatewayUrl: DEFAULT_GATEWAY_URL,
      token: 'T',
      count: 15,
      osFamily: 'ipados',
      deviceKind: 'tablet',
      model: 'iPad 10.9',
      osVersion: '17.5',
      caPath: 'ca.pem',
      intervalSeconds: 60,
      maxCheckins: 3,
      enrollConcurrency: undefined,
      clientCertHeader: undefined,
      longPoll: false,
      sharedKey: false,
    });
  });

  it('turns on long-polling and the shared key only when asked', () => {
    expect(run(['--token', 'T', '--os', 'android', '--long-poll', '--shared-key', '--count', '500'])).toMatchObject({
      longPoll: true,
      sharedKey: true,
      count: 500,
    });
  });

  it('derives the kind and model from the OS family unless given', () => {
    expect(run(['--token', 'T', '--os', 'linux'])).toMatchObject({ deviceKind: 'laptop', count: 1 });
    expect(run(['--token', 'T', '--os', 'windows', '--kind', 'tablet_pc', '--model', 'Surface Go 3'])).toMatchObject({
      deviceKind: 'tablet_pc',
      model: 'Surface Go 3',
    });
  });

  it('takes the gateway and the token from the enrollment URL of the QR code', () => {
    const options = run(['--enroll-url', 'https://mdm.example.fr:3443/v1/enroll?token=abc%2Bdef', '--os', 'android']);
    expect(options).toMatchObject({ gatewayUrl: 'https://mdm.example.fr:3443', token: 'abc+def' });
  });

  it('normalises --gateway and keeps a reverse-proxy path prefix', () => {
    expect(run(['--token', 'T', '--os', 'ipados', '--gateway', 'http://proxy.local/socle/'])).toMatchObject({
      gatewayUrl: 'http://proxy.local/socle',
    });
  });

  it('answers help', () => {
    expect(parseAgentArguments(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--os', 'ipados'], /token is required/],
    [['--token', 'T'], /--os is required/],
    [['--token', 'T', '--os', 'palmos'], /--os must be one of/],
    [['--token', 'T', '--os', 'ipados', '--kind', 'phone'], /--kind must be one of/],
    [['--token', 'T', '--os', 'ipados', '--count', '0'], /--count must be an integer of at least 1/],
    [['--token', 'T', '--os', 'ipados', '--count', '2.5'], /--count/],
    [['--token', 'T', '--os', 'ipados', '--interval', 'soon'], /--interval must be a number of seconds/],
    [['--token', 'T', '--os', 'ipados', '--checkins', '-1'], /--checkins/],
    [['--token', 'T', '--os', 'ipados', '--gateway', 'ftp://x'], /--gateway must be an http\(s\) URL/],
    [['--token', 'T', '--os', 'ipados', '--colour', 'red'], /Unknown option '--colour'/],
    [['--token', 'T', '--os', 'ipados', 'extra'], /positional/i],
    [['--token', 'T', '--os', 'ipados', '--enroll-url', 'https://h/v1/enroll?token=x'], /drop --token/],
    [['--os', 'ipados', '--enroll-url', 'https://h/v1/checkin?token=x'], /--enroll-url must look like/],
    [['--os', 'ipados', '--enroll-url', 'https://h/v1/enroll'], /--enroll-url must look like/],
    [['--os', 'ipados', '--enroll-url', 'not a url'], /--enroll-url must be a URL/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseAgentArguments(argv)).toThrow(CliUsageError);
    expect(() => parseAgentArguments(argv)).toThrow(message);
  });
});

describe('parseEnrollUrl', () => {
  it('keeps the path prefix in front of /v1/enroll', () => {
    expect(parseEnrollUrl('http://10.0.0.5/socle/v1/enroll?token=t0k')).toEqual({
      gatewayUrl: 'http://10.0.0.5/socle',
      token: 't0k',
    });
  });
});
