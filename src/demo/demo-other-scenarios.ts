import { randomUUID } from 'node:crypto';
import { CASE_PROCESS_ID } from '../first-contact/first-contact';
import { workingDaysAgo } from './demo-benefits';
import type { DemoDriver } from './demo-driver';
import type { DemoPerson } from './demo-people';
import type { DemoScenario } from './demo-scenarios';

/** The demo cases of the other teams and of first contact alone (social work, services, Niebieska Karta, …). */

export const OTHER_SCENARIOS: DemoScenario[] = [
  {
    id: 'social-diagnosis',
    stage: 'social-diagnosis',
    count: 2,
    async run({ driver, person, n }) {
      const root = await socialWork(driver, person, n);
      await driver.claim(n === 0 ? 'demo-social-work' : 'demo-social-work-2', root, 'social-diagnosis');
      return root;
    },
  },
  {
    id: 'social-work-plan',
    stage: 'social-work-plan',
    count: 1,
    async run({ driver, person, n }) {
      const root = await socialWork(driver, person, n);
      await diagnose(driver, root, 'demo-social-work-2');
      await driver.task(root, 'social-work-plan');
      return root;
    },
  },
  {
    // diagnosis, plan and social contract done: the process waits for the monthly review
    id: 'social-work-review',
    stage: 'wait-for-review',
    count: 2,
    async run({ driver, person, n }) {
      const root = await socialWork(driver, person, n);
      const worker = n === 0 ? 'demo-social-work' : 'demo-social-work-2';
      await diagnose(driver, root, worker);
      await driver.complete(worker, root, 'social-work-plan', {
        plan: 'Aktywizacja zawodowa (kurs w PUP), uregulowanie zadłużenia czynszowego, wsparcie psychologa.',
        socialContract: true,
        contractUntil: `${Number(driver.today().slice(0, 4)) + 1}-06-30`,
      });
      await driver.reached(root, 'wait-for-review');
      return root;
    },
  },
  {
    id: 'services',
    stage: 'services-assessment',
    count: 3,
    async run({ driver, person, n }) {
      const kinds = ['care-services', 'specialised-care', 'care-home'] as const;
      const root = await driver.firstContact(
        'demo-first-contact',
        {
          outcome: 'application',
          firstName: person.firstName,
          lastName: person.lastName,
          pesel: person.pesel,
          need:
            [
              'Pomoc w codziennych czynnościach po udarze',
              'Usługi specjalistyczne dla dziecka z autyzmem',
              'Umieszczenie w domu pomocy społecznej',
            ][n] ?? 'Usługi opiekuńcze',
          needKind: kinds[n % kinds.length],
          reason: n === 1 ? 'disability' : 'long-term-illness',
          district: person.district,
        },
        workingDaysAgo(driver, 2 + n * 3),
      );
      if (n === 0) await driver.claim('demo-services', root, 'services-assessment');
      else await driver.task(root, 'services-assessment');
      return root;
    },
  },
  {
    // Niebieska Karta: the NK-A form goes to the interdisciplinary team (5 working days)
    id: 'blue-card',
    stage: 'transfer-to-team',
    count: 2,
    async run({ driver, person, n }) {
      const root = await violence(driver, person, n);
      if (n === 0) await driver.claim('demo-violence-response', root, 'transfer-to-team');
      else await driver.task(root, 'transfer-to-team');
      return root;
    },
  },
  {
    id: 'blue-card-group',
    stage: 'form-diagnostic-group',
    count: 1,
    async run({ driver, person, n }) {
      const root = await violence(driver, person, n);
      await driver.complete('demo-violence-response', root, 'transfer-to-team', {
        transferredOn: driver.today(),
      });
      await driver.task(root, 'form-diagnostic-group');
      return root;
    },
  },
  {
    id: 'family-assistant',
    stage: 'assign-family-assistant',
    count: 1,
    async run({ driver, person }) {
      const root = await driver.firstContact(
        'demo-first-contact',
        {
          outcome: 'application',
          firstName: person.firstName,
          lastName: person.lastName,
          pesel: person.pesel,
          need: 'Trudności opiekuńczo-wychowawcze, wniosek szkoły o asystenta rodziny',
          needKind: 'family-assistant',
          reason: 'parenting-helplessness',
          district: person.district,
        },
        workingDaysAgo(driver, 5),
      );
      await driver.task(root, 'assign-family-assistant');
      return root;
    },
  },
  {
    // a neighbour's report about a third person: a social worker checks it first
    id: 'third-party-report',
    stage: 'verify-report',
    count: 1,
    async run({ driver, person }) {
      const root = await driver.firstContact(
        'demo-first-contact',
        {
          outcome: 'third-party-report',
          firstName: person.firstName,
          lastName: person.lastName,
          need: 'Sąsiadka zgłasza: starszy pan nie wychodzi z mieszkania od tygodnia, nie ogrzewa go',
          needKind: 'social-work',
          reason: 'long-term-illness',
          district: person.district,
          channel: 'phone',
        },
        workingDaysAgo(driver, 1),
      );
      await driver.task(root, 'verify-report');
      return root;
    },
  },
  {
    // a certificate issued by the process to a client of the centre: the visit ends at first contact with a
    // numbered PDF
    id: 'certificate',
    stage: 'completed-certificate',
    count: 1,
    async run({ driver, personOf }) {
      const person = personOf('interview', 1);
      await driver.openCaseOf(person.pesel);
      const root = await driver.firstContact('demo-first-contact', {
        outcome: 'certificate',
        firstName: person.firstName,
        lastName: person.lastName,
        pesel: person.pesel,
        need: 'Zaświadczenie o korzystaniu z pomocy (do spółdzielni mieszkaniowej)',
      });
      await driver.waitFor(
        async () => ((await finished(driver, root)) ? true : undefined),
        'zaświadczenie wydane',
      );
      return root;
    },
  },
  {
    id: 'information',
    stage: 'visit',
    count: 2,
    async run({ driver, person, n }) {
      return driver.firstContact('demo-first-contact', {
        outcome: 'information',
        firstName: person.firstName,
        lastName: person.lastName,
        need: n === 0 ? 'Pytanie o dodatek mieszkaniowy' : 'Informacja o klubie seniora',
      });
    },
  },
  {
    // a worker failure the engine turns into an incident: an ePUAP application whose intake record is missing
    // from the case file (register-case cannot open a case without it) — for the incidents page and its retry
    id: 'incident',
    stage: 'incident',
    count: 1,
    async run({ driver }) {
      const started = await driver.deps.engine.startProcess({
        processKey: CASE_PROCESS_ID,
        businessKey: 'demo-incydent',
        variables: {
          intakeId: randomUUID(),
          contactOutcome: 'application',
          channel: 'epuap',
          urgent: false,
          needKind: 'financial',
          reason: null,
          district: null,
        },
      });
      await driver.waitFor(async () => {
        const [row] = await driver.deps.db.query(
          `SELECT 1 FROM incidents i JOIN process_instances p ON p.process_instance_key = i.process_instance_key
            WHERE p.root_process_instance_key = $1`,
          [started.processInstanceId],
        );
        return row ? true : undefined;
      }, 'incydent');
      return started.processInstanceId;
    },
  },
];

async function socialWork(driver: DemoDriver, person: DemoPerson, n: number): Promise<string> {
  const root = await driver.firstContact(
    'demo-first-contact',
    {
      outcome: 'application',
      firstName: person.firstName,
      lastName: person.lastName,
      pesel: person.pesel,
      need:
        n % 2 === 0
          ? 'Długotrwałe bezrobocie, prośba o wsparcie w powrocie do pracy'
          : 'Wyjście z kryzysu bezdomności',
      needKind: 'social-work',
      reason: n % 2 === 0 ? 'unemployment' : 'homelessness',
      district: person.district,
    },
    workingDaysAgo(driver, 3 + n * 4),
  );
  await driver.task(root, 'social-diagnosis');
  return root;
}

async function diagnose(driver: DemoDriver, root: string, login: string): Promise<void> {
  await driver.complete(login, root, 'social-diagnosis', {
    problems: ['unemployment', 'poverty'],
    diagnosis:
      'Osoba bezrobotna od 2 lat, zadłużenie czynszowe, brak wsparcia rodziny; gotowa do współpracy.',
  });
}

async function violence(driver: DemoDriver, person: DemoPerson, n: number): Promise<string> {
  const root = await driver.firstContact(
    'demo-first-contact',
    {
      outcome: 'application',
      firstName: person.firstName,
      lastName: person.lastName,
      pesel: person.pesel,
      need: 'Przemoc domowa — wszczęcie procedury Niebieskie Karty',
      needKind: 'violence',
      reason: 'domestic-violence',
      district: person.district,
    },
    workingDaysAgo(driver, n + 1),
  );
  await driver.task(root, 'transfer-to-team');
  return root;
}

async function finished(driver: DemoDriver, root: string): Promise<boolean> {
  const [row] = await driver.deps.db.query<{ state: string }>(
    'SELECT state FROM process_instances WHERE process_instance_key = $1',
    [root],
  );
  return row?.state === 'COMPLETED';
}
