import { distributionUrl } from '../../src/engine/version';

describe('distribution coordinates', () => {
  it('builds the Maven repository path of the tar.gz', () => {
    expect(distributionUrl('https://repo1.maven.org/maven2/', '8.6.0')).toBe(
      'https://repo1.maven.org/maven2/io/camunda/camunda-zeebe/8.6.0/camunda-zeebe-8.6.0.tar.gz',
    );
  });
});
