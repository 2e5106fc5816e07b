/** The README.md written into the demonstration data folder: what it is, how it was made, whom to credit. */
import type { DemoData } from './generate';

export function demoReadme({ seed, scale, data }: { seed: number; scale: number; data: DemoData }): string {
  const releases = data.catalog.releases.map((r) => `- \`${r.id}\`: ${r.title}`).join('\n');
  const datasets = data.datasets
    .map((d) => {
      const first = d.meta.periods[0]!.code;
      const last = d.meta.periods[d.meta.periods.length - 1]!.code;
      return `- \`${d.meta.id}\`: ${d.meta.title} (${first} tot en met ${last}, ${d.rows.length.toLocaleString('nl-NL')} rijen)`;
    })
    .join('\n');
  return `# Fictieve demonstratiecijfers

**De cijfers in deze map zijn fictief.** Ze zijn niet van CBS en zeggen niets over echte gemeenten. Ze dienen
alleen om de publicatie te demonstreren en te testen; elke pagina die ze toont, meldt dat
("fictieve demonstratiecijfers").

## Wat erin staat

${datasets}

Releases (oudste eerst; de laatste is de huidige):

${releases}

## Opbouw

- Halfjaren vanaf 2015; de wijkentabel heeft jaren.
- Elke periode staat op de gemeentelijke indeling van haar eigen jaar, zodat herindelingen erin voorkomen
  (Weesp tot en met 2022, daarna hoort het bij Amsterdam).
- Nederland, provincies en jeugdregio's zijn sommen van de onafgeronde gemeentecijfers.
- Aantallen zijn afgerond op veelvouden van 5; cellen onder 10 zijn afgeschermd (\`.\`). Een echte nul staat als
  nihil (\`-\`) alleen waar dat zinvol is, zoals bij gesloten plaatsingen in kleine gemeenten.
- Status zoals CBS die toekent: een periode is voorlopig (\`*\`) in de release die haar het eerst publiceert,
  nader voorlopig (\`**\`) in een volgende release, en definitief zodra het 1e halfjaar van het jaar erna
  verschijnt (eind oktober). Eerdere releases staan in \`<dataset>/releases/\` als de rijen die verschillen;
  de herzieningen zijn 1 tot 5%, meestal omhoog.
- Percentages en cijfers per 1.000 jongeren worden bij het inlezen uit de afgeronde aantallen berekend.
- De kenmerken van gemeenten (\`kenmerken\`: inwoners, aandeel jongeren, eenoudergezinnen, bijstand, jongeren met
  een laag inkomen, gemiddeld inkomen, stedelijkheid) tellen geen jongeren in zorg: ze zijn niet afgerond of
  afgeschermd. Ze hangen samen met het fictieve jeugdhulpgebruik van elke gemeente; Nederland, provincies en
  jeugdregio's zijn gewogen gemiddelden van hun gemeenten.
- De lasten jeugd (\`kosten-jeugd\`: Iv3-taakvelden 6.72 en 6.82, begroting en realisatie, vanaf 2017) volgen het
  fictieve gebruik (trajecten met en zonder verblijf, jeugdbescherming en jeugdreclassering) tegen een eigen prijs per
  gemeente, met verschillen in boeken. Bedragen in duizenden euro's, niet afgerond op 5 of afgeschermd; de realisatie
  van het laatste jaar ontbreekt nog (\`.\`).

## Hoe ze zijn gemaakt

Door de eigen generator van dit project (\`src/lib/demo/\`, aangeroepen door \`scripts/generate-demo.ts\`), met
een vaste seed (${seed}${scale > 1 ? `, schaal ${scale}` : ''}): dezelfde invoer geeft altijd byte voor byte dezelfde
bestanden. Opnieuw maken:

\`\`\`sh
npm run data:demo
\`\`\`

Elke gemeente heeft een eigen, vast karakter (niveau van jeugdhulpgebruik, aandeel verblijf, wel of geen
registratie van wijkteams), plus kleine toevallige schommelingen per periode. De landelijke niveaus zijn
afgestemd op gepubliceerde orde-groottes (ongeveer 7% van de jongeren tot 18 jaar met jeugdhulp per halfjaar in
2015, ruim 10% nu).

## Bronnen en naamsvermelding

- Gemeentecodes en -namen, provincies, herindelingen, jeugdregio's, wijkcodes en -namen, en het aantal inwoners
  (2021 en 2022, gemeenten en wijken) zijn echt: **Bron: CBS** (CC BY 4.0), via de referentiebestanden in
  \`src/reference/\`. De jongeren per leeftijdsgroep en de trend over de jaren zijn daarvan fictief afgeleid.
- Voor gemeenten die vóór 2021 zijn opgeheven gebruikt de generator afgeronde schattingen van hun inwonertal
  in hun laatste jaar (\`scripts/reference-input/inwoners-voormalig.csv\`), naar CBS-gegevens; het zijn
  benaderingen.
- Opzet, indelingen en definities volgen de CBS-tabellen van de beleidsinformatie jeugd. De aantallen zelf zijn
  verzonnen: vermeld bij gebruik "Fictieve demonstratiecijfers (model: CBS beleidsinformatie jeugd)", niet
  "Bron: CBS".
`;
}
