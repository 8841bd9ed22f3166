/**
 * The one place the Camunda version is pinned. Also read by docker-compose.yml's test and the README.
 * 8.6.0 is the newest Camunda 8 distribution Maven Central serves (io.camunda:camunda-zeebe lists 8.5.8 and 8.6.0;
 * no 8.7+ tar.gz is published there): see README "Wersja silnika".
 */
export const CAMUNDA_VERSION = '8.6.0';

export const DISTRIBUTION = {
  groupId: 'io.camunda',
  artifactId: 'camunda-zeebe',
  type: 'tar.gz',
} as const;

export function distributionFileName(version: string = CAMUNDA_VERSION): string {
  return `${DISTRIBUTION.artifactId}-${version}.${DISTRIBUTION.type}`;
}

export function distributionUrl(repositoryUrl: string, version: string = CAMUNDA_VERSION): string {
  const groupPath = DISTRIBUTION.groupId.replace(/\./g, '/');
  return `${repositoryUrl.replace(/\/$/, '')}/${groupPath}/${DISTRIBUTION.artifactId}/${version}/${distributionFileName(version)}`;
}
