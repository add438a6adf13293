<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
    <context>
        <name>AllianceStrip</name>
        <message>
            <source>NATO %1: core %2 of GDP, total %3, USD %4 bn</source>
            <translation>OTAN %1 : défense essentielle %2 du PIB, total %3, %4 Md USD</translation>
        </message>
        <message>
            <source>Allies ≥ 2%: %1 · ≥ 3.5%: %2 · ≥ 5% total with core ≥ 3.5%: %3 (of 31)</source>
            <translation>Alliés ≥ 2 % : %1 · ≥ 3,5 % : %2 · ≥ 5 % au total avec 3,5 % essentiels : %3 (sur 31)</translation>
        </message>
        <message>
            <source>Alliance figures at the horizon %1, the NATO way: shares weighted by GDP at constant prices (Iceland's GDP included), amounts in US dollars at %2 prices and exchange rates (each ally deflated by its own deflator: %3). Total counts related spending up to 1.5% of GDP.</source>
            <translation>Chiffres de l'Alliance à l'horizon %1, à la manière de l'OTAN : parts pondérées par le PIB à prix constants (PIB de l'Islande compris), montants en dollars aux prix et taux de change de %2 (chaque Allié déflaté par son propre déflateur : %3). Le total compte les dépenses connexes jusqu'à 1,5 % du PIB.</translation>
        </message>
        <message>
            <source>US %1 · Europe + Canada %2</source>
            <translation>États-Unis %1 · Europe + Canada %2</translation>
        </message>
    </context>
    <context>
        <name>AllianceView</name>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>Years up to %1 show NATO's figures; later years the projection</source>
            <translation>Jusqu'en %1 : chiffres de l'OTAN ; au-delà : projection</translation>
        </message>
        <message>
            <source>Share ranked</source>
            <translation>Part classée</translation>
        </message>
        <message>
            <source>Core share of GDP</source>
            <translation>Part de la défense essentielle dans le PIB</translation>
        </message>
        <message>
            <source>Total share of GDP (core + related)</source>
            <translation>Part totale du PIB (essentielle + connexe)</translation>
        </message>
        <message>
            <source>Money in</source>
            <translation>Montants en</translation>
        </message>
        <message>
            <source>USD at %1 prices and exchange rates</source>
            <translation>USD aux prix et taux de change de %1</translation>
        </message>
        <message>
            <source>current USD (exchange-rate path)</source>
            <translation>USD courants (trajectoire de change)</translation>
        </message>
        <message>
            <source>Burden sharing in US dollars at base-year prices and exchange rates (NATO's way: the series move with real budgets), or in current dollars at each ally's exchange-rate path: relative purchasing-power parity unless you typed rates in the year editor's last row</source>
            <translation>Partage du fardeau en dollars US aux prix et taux de change de l'année de base (la méthode de l'OTAN : les séries suivent les budgets réels), ou en dollars courants selon la trajectoire de change de chaque Allié : parité de pouvoir d'achat relative, sauf si vous avez saisi des taux dans la dernière ligne de l'éditeur des années</translation>
        </message>
        <message>
            <source>Share of NATO core spending by ally</source>
            <translation>Part de chaque Allié dans les dépenses de défense de l'OTAN</translation>
        </message>
        <message>
            <source>&amp;Year:</source>
            <translation>&amp;Année :</translation>
        </message>
        <message>
            <source>&amp;Rank by:</source>
            <translation>&amp;Classer par :</translation>
        </message>
        <message>
            <source>&amp;Money:</source>
            <translation>&amp;Montants :</translation>
        </message>
        <message>
            <source>Ranking</source>
            <translation>Classement</translation>
        </message>
        <message>
            <source>Burden sharing</source>
            <translation>Partage du fardeau</translation>
        </message>
        <message>
            <source>Revisions</source>
            <translation>Révisions</translation>
        </message>
        <message>
            <source>Alliance view — %1</source>
            <translation>Vue de l'Alliance — %1</translation>
        </message>
        <message>
            <source>Share of NATO core spending in %1, % (current USD)</source>
            <translation>Part des dépenses de défense essentielles de l'OTAN en %1, % (USD courants)</translation>
        </message>
        <message>
            <source>Share of NATO core spending in %1, % (USD at %2 prices and exchange rates)</source>
            <translation>Part des dépenses essentielles de l'OTAN en %1, % (USD aux prix et taux de change de %2)</translation>
        </message>
        <message>
            <source>Amounts in current USD bn: NATO's figures to %2, then each ally's budget at its exchange-rate path (%4).</source>
            <translation>Montants en Md USD courants : chiffres de l'OTAN jusqu'en %2, puis le budget de chaque Allié selon sa trajectoire de change (%4).</translation>
        </message>
        <message>
            <source>Amounts in USD bn at %2 prices and exchange rates (each ally deflated by its own deflator path: %3).</source>
            <translation>Montants en Md USD aux prix et taux de change de %2 (chaque Allié déflaté par sa propre trajectoire de déflateur : %3).</translation>
        </message>
        <message>
            <source>%1: shares up to %2 are NATO's published figures (2025 and 2026 estimates); later years are this scenario's projection. %5 Members of each year. Iceland has no armed forces.</source>
            <translation>%1 : jusqu'en %2, les parts sont les chiffres publiés par l'OTAN (estimations 2025 et 2026) ; les années suivantes sont la projection de ce scénario. %5 Membres de chaque année. L'Islande n'a pas de forces armées.</translation>
        </message>
        <message>
            <source>SG report %1</source>
            <translation>rapport du SG %1</translation>
        </message>
        <message>
            <source>%1 edition</source>
            <translation>édition %1</translation>
        </message>
    </context>
    <context>
        <name>AlliesPanel</name>
        <message>
            <source>Filter allies (name or code)…</source>
            <translation>Filtrer les Alliés (nom ou code)…</translation>
        </message>
        <message>
            <source>Filter allies</source>
            <translation>Filtrer les Alliés</translation>
        </message>
        <message>
            <source>Allies</source>
            <translation>Alliés</translation>
        </message>
    </context>
    <context>
        <name>AlliesTableModel</name>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>Ally (NATO short name)</source>
            <translation>Allié (nom court de l'OTAN)</translation>
        </message>
        <message>
            <source>Core %1</source>
            <translation>Défense %1</translation>
        </message>
        <message>
            <source>Core defence share of GDP, %, in the base year, NATO 2026 edition (estimate)</source>
            <translation>Part des dépenses de défense essentielles dans le PIB, %, année de base, édition 2026 de l'OTAN (estimation)</translation>
        </message>
        <message>
            <source>Projected core defence share of GDP at the horizon, %</source>
            <translation>Part projetée des dépenses de défense essentielles dans le PIB à l'horizon, %</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>Total %1</translation>
        </message>
        <message>
            <source>Core plus defence- and security-related spending counted up to 1.5% of GDP, % of GDP, at the horizon (⚠: related above 1.5%, the excess not counted)</source>
            <translation>Défense essentielle plus dépenses liées à la défense et à la sécurité comptées jusqu'à 1,5 % du PIB, % du PIB, à l'horizon (⚠ : connexes au-delà de 1,5 %, l'excédent n'est pas compté)</translation>
        </message>
        <message>
            <source>Gap pp</source>
            <translation>Écart pts</translation>
        </message>
        <message>
            <source>Core target minus projected core share at the horizon, percentage points (positive: short of the target)</source>
            <translation>Objectif moins part projetée à l'horizon, en points de pourcentage (positif : en deçà de l'objectif)</translation>
        </message>
        <message>
            <source>At target</source>
            <translation>Objectif</translation>
        </message>
        <message>
            <source>First year the core share reaches the ally's core target (3.5% unless set)</source>
            <translation>Première année où la part atteint l'objectif de l'Allié (3,5 % sauf indication)</translation>
        </message>
        <message>
            <source>Need %/yr</source>
            <translation>Besoin %/an</translation>
        </message>
        <message>
            <source>Constant nominal budget growth, % a year, that reaches the core target at the horizon</source>
            <translation>Croissance nominale constante du budget, % par an, qui atteint l'objectif à l'horizon</translation>
        </message>
        <message>
            <source>Budget policy</source>
            <translation>Politique budgétaire</translation>
        </message>
        <message>
            <source>How the core budget moves after the base year</source>
            <translation>Évolution du budget de défense après l'année de base</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Trajectoire</translation>
        </message>
        <message>
            <source>Three facts, no verdict (the Hague declaration sets no number): ✓/✗ the core target reached by the horizon; whether the share falls before it; the part of the needed increase done by the 2029 review / the linear path's part. 'Back-loaded' below the scenario's threshold: this tool's heuristic.</source>
            <translation>Trois faits, pas de verdict (la déclaration de La Haye ne fixe aucun chiffre) : ✓/✗ objectif essentiel atteint à l'horizon ; la part baisse-t-elle avant ; la part de la hausse nécessaire faite avant l'examen de 2029 / celle de la trajectoire linéaire. « Hausse tardive » sous le seuil du scénario : heuristique propre à cet outil.</translation>
        </message>
        <message>
            <source>met</source>
            <translation>atteint</translation>
        </message>
        <message>
            <source>no armed forces</source>
            <translation>pas de forces armées</translation>
        </message>
        <message>
            <source>Iceland has no armed forces and is not in NATO's expenditure tables</source>
            <translation>L'Islande n'a pas de forces armées et ne figure pas dans les tableaux de dépenses de l'OTAN</translation>
        </message>
        <message>
            <source>Related spending above 1.5% of GDP: the Hague counts up to 1.5%, so the excess is not in this total (core + min(related, 1.5))</source>
            <translation>Dépenses connexes au-delà de 1,5 % du PIB : La Haye en compte jusqu'à 1,5 %, l'excédent n'est donc pas dans ce total (essentielle + min(connexe ; 1,5))</translation>
        </message>
        <message>
            <source>Core target not reached by %1</source>
            <translation>Objectif non atteint en %1</translation>
        </message>
    </context>
    <context>
        <name>Autosave</name>
        <message>
            <source>Autosave is off: cannot write to the data folder (%1).</source>
            <extracomment>Environment variable that overrides the autosave interval (seconds, may be fractional). Sub-folder of the autosave root for copies that failed to load. A recovery copy could not be written (full disk…): said once per session. Why autosave is off (a read-only or full data folder), or None when it runs.</extracomment>
            <translation>Sauvegarde automatique désactivée : impossible d'écrire dans le dossier de données (%1).</translation>
        </message>
        <message>
            <source>Autosave could not write a recovery copy: %1</source>
            <translation>La sauvegarde automatique n'a pas pu écrire de copie de récupération : %1</translation>
        </message>
        <message>
            <source>These recovery copies cannot be read and will not be offered again; they are kept in %1:</source>
            <translation>Ces copies de récupération sont illisibles et ne seront plus proposées ; elles sont conservées dans %1 :</translation>
        </message>
        <message>
            <source>Recovery</source>
            <translation>Récupération</translation>
        </message>
    </context>
    <context>
        <name>Background</name>
        <message>
            <source>Working…</source>
            <translation>Calcul en cours…</translation>
        </message>
    </context>
    <context>
        <name>BackgroundImport</name>
        <message>
            <source>Reading %1…</source>
            <translation>Lecture de %1…</translation>
        </message>
        <message>
            <source>Finding the table…</source>
            <translation>Recherche du tableau…</translation>
        </message>
        <message>
            <source>Checking every cell…</source>
            <translation>Vérification de chaque cellule…</translation>
        </message>
        <message>
            <source>Reading sheet %1…</source>
            <translation>Lecture de la feuille %1…</translation>
        </message>
        <message>
            <source>Reading cancelled.</source>
            <translation>Lecture annulée.</translation>
        </message>
        <message>
            <source>Cancelled: the preview still shows the earlier settings.</source>
            <translation>Annulé : l'aperçu montre encore les réglages précédents.</translation>
        </message>
        <message>
            <source>Nothing can be imported from this file.</source>
            <translation>Rien ne peut être importé de ce fichier.</translation>
        </message>
        <message>
            <source>Cannot import %1</source>
            <translation>Impossible d'importer %1</translation>
        </message>
    </context>
    <context>
        <name>BackgroundTask</name>
        <message>
            <source>Cancelling…</source>
            <translation>Annulation…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Stop %1</source>
            <translation>Arrêter %1</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>2% guideline</source>
            <extracomment>One line style per compared scenario (with one colour each), so scenarios stay apart in grey-scale print and for colour-blind readers.</extracomment>
            <translation>ligne directrice 2 %</translation>
        </message>
        <message>
            <source>3.5% core</source>
            <translation>3,5 % essentielle</translation>
        </message>
        <message>
            <source>5% total</source>
            <translation>5 % total</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <source>real GDP growth</source>
            <extracomment>What an undo step names, marked for Qt Linguist (the history is shown in the UI language).</extracomment>
            <translation>croissance réelle du PIB</translation>
        </message>
        <message>
            <source>GDP deflator</source>
            <translation>déflateur du PIB</translation>
        </message>
        <message>
            <source>nominal GDP</source>
            <translation>PIB nominal</translation>
        </message>
        <message>
            <source>core defence budget</source>
            <translation>budget de défense essentielle</translation>
        </message>
        <message>
            <source>related spending</source>
            <translation>dépenses connexes</translation>
        </message>
        <message>
            <source>exchange rate</source>
            <translation>taux de change</translation>
        </message>
        <message>
            <source>core budget policy</source>
            <translation>politique du budget de défense</translation>
        </message>
        <message>
            <source>related spending track</source>
            <translation>volet des dépenses connexes</translation>
        </message>
        <message>
            <source>targets</source>
            <translation>objectifs</translation>
        </message>
        <message>
            <source>Clear %1 %2 %3</source>
            <translation>effacement : %2 %3 (%1)</translation>
        </message>
        <message>
            <source>Set %1 %2 %3</source>
            <translation>saisie : %2 %3 (%1)</translation>
        </message>
        <message>
            <source>Use NATO's implied GDP deflator</source>
            <translation>Utiliser le déflateur implicite du PIB de l'OTAN</translation>
        </message>
        <message>
            <source>Use the GDP forecast vintage's deflator</source>
            <translation>Utiliser le déflateur du millésime de prévisions du PIB</translation>
        </message>
        <message>
            <source>Set horizon %1</source>
            <translation>horizon %1</translation>
        </message>
        <message>
            <source>Flag back-loading below %1 of linear</source>
            <translation>hausse tardive signalée sous %1 du linéaire</translation>
        </message>
        <message>
            <source>Use %1 GDP forecasts</source>
            <translation>prévisions de PIB : %1</translation>
        </message>
        <message>
            <source>Rename scenario to %1</source>
            <translation>renommage du scénario en %1</translation>
        </message>
        <message>
            <source>Set %1 %2</source>
            <translation>modification : %2 (%1)</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <source>Compare scenarios</source>
            <translation>Comparer des scénarios</translation>
        </message>
        <message>
            <source>Scenarios to compare</source>
            <translation>Scénarios à comparer</translation>
        </message>
        <message>
            <source>Reference scenario</source>
            <translation>Scénario de référence</translation>
        </message>
        <message>
            <source>Ally plotted</source>
            <translation>Allié représenté</translation>
        </message>
        <message>
            <source>Plotted measure</source>
            <translation>Mesure représentée</translation>
        </message>
        <message>
            <source>Core share of GDP (%)</source>
            <translation>Part essentielle du PIB (%)</translation>
        </message>
        <message>
            <source>Total share of GDP (%)</source>
            <translation>Part totale du PIB (%)</translation>
        </message>
        <message>
            <source>Core budget (million national currency)</source>
            <translation>Budget de défense (millions de monnaie nationale)</translation>
        </message>
        <message>
            <source>Comparison year</source>
            <translation>Année de comparaison</translation>
        </message>
        <message>
            <source>horizon</source>
            <translation>horizon</translation>
        </message>
        <message>
            <source>Year compared in the table (default: the reference's horizon)</source>
            <translation>Année comparée dans le tableau (par défaut : l'horizon de la référence)</translation>
        </message>
        <message>
            <source>&amp;Reference:</source>
            <translation>&amp;Référence :</translation>
        </message>
        <message>
            <source>&amp;Year:</source>
            <translation>&amp;Année :</translation>
        </message>
        <message>
            <source>&amp;Ally plotted:</source>
            <translation>All&amp;ié représenté :</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>A&amp;fficher :</translation>
        </message>
        <message>
            <source>Scenarios (tick two or more):</source>
            <translation>Scénarios (en cocher deux ou plus) :</translation>
        </message>
        <message>
            <source>Paths of the compared scenarios</source>
            <translation>Trajectoires des scénarios comparés</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>NATO published</source>
            <translation>Publié par l'OTAN</translation>
        </message>
        <message>
            <source>Difference table</source>
            <translation>Tableau des écarts</translation>
        </message>
        <message>
            <source>&amp;Copy table</source>
            <translation>&amp;Copier le tableau</translation>
        </message>
        <message>
            <source>&amp;Copy table (TSV)</source>
            <translation>&amp;Copier le tableau (TSV)</translation>
        </message>
        <message>
            <source>Copy the whole table, as sorted, for Excel or LibreOffice</source>
            <translation>Copier tout le tableau, dans l'ordre affiché, pour Excel ou LibreOffice</translation>
        </message>
        <message>
            <source>Add scenario &amp;file…</source>
            <translation>Ajouter un fichier de &amp;scénario…</translation>
        </message>
        <message>
            <source>Open a scenario workbook from disk (in its own window) and compare it</source>
            <translation>Ouvrir un classeur de scénario depuis le disque (dans sa propre fenêtre) et le comparer</translation>
        </message>
        <message>
            <source>&amp;Export table (CSV)…</source>
            <translation>E&amp;xporter le tableau (CSV)…</translation>
        </message>
        <message>
            <source>Save the difference table, as sorted, as a CSV file</source>
            <translation>Enregistrer le tableau des écarts, dans l'ordre affiché, en fichier CSV</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Tick at least two scenarios to compare them.</source>
            <translation>Cochez au moins deux scénarios pour les comparer.</translation>
        </message>
        <message>
            <source>Values in %1; differences are each scenario minus “%2”. Bold: differs from the reference.</source>
            <translation>Valeurs en %1 ; écarts : chaque scénario moins « %2 ». En gras : diffère de la référence.</translation>
        </message>
        <message>
            <source>Core defence, % of GDP</source>
            <translation>Défense essentielle, % du PIB</translation>
        </message>
        <message>
            <source>Core + related, % of GDP</source>
            <translation>Essentielle + connexe, % du PIB</translation>
        </message>
        <message>
            <source>Core defence, million %1</source>
            <translation>Défense essentielle, millions %1</translation>
        </message>
        <message>
            <source>Scenario workbooks (*.xlsx)</source>
            <translation>Classeurs de scénario (*.xlsx)</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Ouverture impossible</translation>
        </message>
        <message>
            <source>CSV, UTF-8 (*.csv)</source>
            <translation>CSV, UTF-8 (*.csv)</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>Export impossible</translation>
        </message>
    </context>
    <context>
        <name>CompareTableModel</name>
        <message>
            <source>Core %1</source>
            <extracomment>Raw value of a cell (float, NaN when missing), for sorting and copying. Row code: ally ISO3, or "NATO" / "EUROPE_CANADA" for the alliance rows. Compared measures, in column order (see core.compare.METRICS for units).</extracomment>
            <translation>Défense %1</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>Total %1</translation>
        </message>
        <message>
            <source>Budget %1, mn USD</source>
            <translation>Budget %1, M USD</translation>
        </message>
        <message>
            <source>At 3.5%/target</source>
            <translation>À 3,5 %/objectif</translation>
        </message>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>Path
%1</source>
            <translation>Trajectoire
%1</translation>
        </message>
        <message>
            <source>Core defence share of GDP, %, in %1 (differences in percentage points)</source>
            <translation>Part des dépenses de défense essentielles dans le PIB, %, en %1 (écarts en points de pourcentage)</translation>
        </message>
        <message>
            <source>Core plus related spending, % of GDP, in %1 (differences in percentage points)</source>
            <translation>Dépenses essentielles plus connexes, % du PIB, en %1 (écarts en points de pourcentage)</translation>
        </message>
        <message>
            <source>Core defence budget in %1, million USD at base-year prices and exchange rates</source>
            <translation>Budget de défense essentielle en %1, millions USD aux prix et taux de change de l'année de base</translation>
        </message>
        <message>
            <source>Path facts in %1: target reached, incremental, part of the increase by 2029 beside the linear path's (full sentence in each cell's tooltip)</source>
            <translation>Faits de trajectoire en %1 : objectif atteint, progressive, part de la hausse d'ici 2029 et celle de la trajectoire linéaire (phrase complète dans l'infobulle)</translation>
        </message>
        <message>
            <source>First year at the ally's own core target (3.5% unless set; alliance: 3.5%), up to %1</source>
            <translation>Première année à l'objectif propre de l'Allié (3,5 % sauf indication ; Alliance : 3,5 %), jusqu'en %1</translation>
        </message>
        <message>
            <source>Ally, then the alliance: NATO total and Europe and Canada (GDP-weighted shares)</source>
            <translation>Allié, puis l'Alliance : total OTAN et Europe et Canada (parts pondérées par le PIB)</translation>
        </message>
        <message>
            <source>%1 minus the reference %2</source>
            <translation>%1 moins la référence %2</translation>
        </message>
        <message>
            <source>now reached</source>
            <translation>désormais atteint</translation>
        </message>
        <message>
            <source>no longer</source>
            <translation>plus atteint</translation>
        </message>
        <message>
            <source>not by %1</source>
            <translation>pas avant %1</translation>
        </message>
        <message>
            <source> yr</source>
            <translation> an</translation>
        </message>
        <message>
            <source> pp</source>
            <translation> pts</translation>
        </message>
        <message>
            <source>Iceland has no armed forces and is not in NATO's expenditure tables</source>
            <translation>L'Islande n'a pas de forces armées et ne figure pas dans les tableaux de dépenses de l'OTAN</translation>
        </message>
    </context>
    <context>
        <name>DialogPrompts</name>
        <message>
            <source>not known (the copy's note was damaged)</source>
            <translation>inconnu (la note de la copie était endommagée)</translation>
        </message>
        <message>
            <source>never saved</source>
            <translation>jamais enregistré</translation>
        </message>
        <message>
            <source>• %1 — autosaved %2
    file: %3</source>
            <translation>• %1 — enregistré automatiquement le %2
    fichier : %3</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Modifications non enregistrées</translation>
        </message>
        <message>
            <source>“%1” has unsaved changes.</source>
            <translation>« %1 » contient des modifications non enregistrées.</translation>
        </message>
        <message>
            <source>Save them before closing?</source>
            <translation>Les enregistrer avant de fermer ?</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Ouvrir</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>Enregistrer sous</translation>
        </message>
        <message>
            <source>Recover unsaved scenarios</source>
            <translation>Récupérer les scénarios non enregistrés</translation>
        </message>
        <message>
            <source>natoplanner did not close normally. One scenario can be restored:</source>
            <translation>natoplanner ne s'est pas fermé normalement. Un scénario peut être restauré :</translation>
        </message>
        <message>
            <source>natoplanner did not close normally. %1 scenarios can be restored:</source>
            <translation>natoplanner ne s'est pas fermé normalement. %1 scénarios peuvent être restaurés :</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restaurer</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Abandonner</translation>
        </message>
        <message>
            <source>Ask &amp;later</source>
            <translation>Demander &amp;plus tard</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <source>natoplanner plot</source>
            <extracomment>PNG width in pixels (a full-width slide at 1600 px stays sharp).</extracomment>
            <translation>graphique natoplanner</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Classeur Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV, UTF-8 (*.csv)</source>
            <translation>CSV, UTF-8 (*.csv)</translation>
        </message>
        <message>
            <source>results</source>
            <translation>résultats</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>Image PNG (*.png)</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>Dessin SVG (*.svg)</translation>
        </message>
        <message>
            <source>plot</source>
            <translation>graphique</translation>
        </message>
        <message>
            <source>Cannot export</source>
            <translation>Export impossible</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>%1 exporté</translation>
        </message>
        <message>
            <source>Source: %1 (history; NATO estimates circled); projection: natoplanner, GDP from %2</source>
            <translation>Source : %1 (historique ; estimations de l'OTAN cerclées) ; projection : natoplanner, PIB d'après %2</translation>
        </message>
        <message>
            <source>%1 — %2 — scenario “%3”</source>
            <translation>%1 — %2 — scénario « %3 »</translation>
        </message>
        <message>
            <source>no ally selected</source>
            <translation>aucun Allié sélectionné</translation>
        </message>
    </context>
    <context>
        <name>FiscalRoomModel</name>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>EU member</source>
            <translation>Membre de l'UE</translation>
        </message>
        <message>
            <source>Escape clause
activated</source>
            <translation>Clause dérogatoire
activée</translation>
        </message>
        <message>
            <source>Share %1
(% of GDP; basis)</source>
            <translation>Part %1
(% du PIB ; base)</translation>
        </message>
        <message>
            <source>Core share %1
(% of GDP, NATO)</source>
            <translation>Défense essentielle %1
(% du PIB, OTAN)</translation>
        </message>
        <message>
            <source>Increase
(pp of GDP)</source>
            <translation>Hausse
(points de PIB)</translation>
        </message>
        <message>
            <source>Inside the
clause (pp)</source>
            <translation>Dans la
clause (points)</translation>
        </message>
        <message>
            <source>Outside the
clause (pp)</source>
            <translation>Hors de la
clause (points)</translation>
        </message>
        <message>
            <source>Increase
(million national currency)</source>
            <translation>Hausse
(millions de monnaie nationale)</translation>
        </message>
        <message>
            <source>Outside the clause
(million national currency)</source>
            <translation>Hors de la clause
(millions de monnaie nationale)</translation>
        </message>
        <message>
            <source>SAFE loans
(EUR bn, tentative)</source>
            <translation>Prêts SAFE
(Md EUR, provisoire)</translation>
        </message>
        <message>
            <source>NATO ÷ national
budget (ratio)</source>
            <translation>OTAN ÷ budget
national (rapport)</translation>
        </message>
        <message>
            <source>Core budget %1, budget-law
terms (million national currency)</source>
            <translation>Budget de défense %1, termes de la
loi de finances (millions de monnaie nationale)</translation>
        </message>
        <message>
            <source>Net lending %1: effect
(level), % of GDP</source>
            <translation>Capacité de financement %1 :
effet (niveau), % du PIB</translation>
        </message>
        <message>
            <source>Gross debt %1: effect
(level), % of GDP</source>
            <translation>Dette brute %1 :
effet (niveau), % du PIB</translation>
        </message>
        <message>
            <source>Clause %1</source>
            <translation>Clause %1</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>NATO</source>
            <translation>OTAN</translation>
        </message>
        <message>
            <source>The EU measures defence on COFOG division 02, not on NATO's definition: type a COFOG-basis %1 share here (empty: NATO's share)</source>
            <translation>L'UE mesure la défense selon la division 02 de la CFAP (COFOG), non selon la définition de l'OTAN : saisissez ici une part %1 sur base COFOG (vide : part de l'OTAN)</translation>
        </message>
        <message>
            <source>First-round effect of the extra core spending above the %1 share, financed by borrowing (a simplification). Type the %1 general-government figure (IMF WEO: net lending GGXCNL_NGDP, gross debt GGXWDG_NGDP; not bundled) to see the level in brackets</source>
            <translation>Effet de premier tour des dépenses de défense au-delà de la part de %1, financées par l'emprunt (simplification). Saisissez le chiffre %1 des administrations publiques (FMI, PEM : capacité de financement GGXCNL_NGDP, dette brute GGXWDG_NGDP ; non fournis) pour voir le niveau entre parenthèses</translation>
        </message>
        <message>
            <source>NATO year Y = Canada's fiscal year April Y – March Y+1</source>
            <translation>Année OTAN A = exercice du Canada d'avril A à mars A+1</translation>
        </message>
        <message>
            <source>NATO year Y = the UK's fiscal year April Y – March Y+1</source>
            <translation>Année OTAN A = exercice du Royaume-Uni d'avril A à mars A+1</translation>
        </message>
        <message>
            <source>NATO year Y = the US fiscal year October Y-1 – September Y</source>
            <translation>Année OTAN A = exercice des États-Unis d'octobre A-1 à septembre A</translation>
        </message>
        <message>
            <source>NATO's figure ÷ the national budget law's, from a year both publish (sources: SOURCES.md §6), held constant; type a ratio, or type a budget-law amount to set the NATO-basis budget of the year shown</source>
            <translation>Chiffre de l'OTAN ÷ chiffre de la loi de finances nationale, pour une année publiée par les deux (sources : SOURCES.md §6), maintenu constant ; saisissez un rapport, ou un montant « loi de finances » pour fixer le budget (base OTAN) de l'année affichée</translation>
        </message>
        <message>
            <source>European Commission, tentative allocation of 9 September 2025 (loans over several years, in euro)</source>
            <translation>Commission européenne, répartition provisoire du 9 septembre 2025 (prêts sur plusieurs années, en euros)</translation>
        </message>
        <message>
            <source>clause for %1</source>
            <translation>clause pour %1</translation>
        </message>
        <message>
            <source>Not a number: %1</source>
            <translation>Pas un nombre : %1</translation>
        </message>
        <message>
            <source>net lending and debt of %1</source>
            <translation>capacité de financement et dette de %1</translation>
        </message>
        <message>
            <source>COFOG baseline of %1</source>
            <translation>référence COFOG de %1</translation>
        </message>
        <message>
            <source>budget bridge of %1</source>
            <translation>passage budgétaire de %1</translation>
        </message>
    </context>
    <context>
        <name>FiscalRoomView</name>
        <message>
            <source>Year shown</source>
            <translation>Année affichée</translation>
        </message>
        <message>
            <source>First year</source>
            <translation>Première année</translation>
        </message>
        <message>
            <source>Last year</source>
            <translation>Dernière année</translation>
        </message>
        <message>
            <source>Baseline year</source>
            <translation>Année de référence</translation>
        </message>
        <message>
            <source>Cap (% of GDP a year)</source>
            <translation>Plafond (% du PIB par an)</translation>
        </message>
        <message>
            <source>&amp;First year of the clause:</source>
            <translation>&amp;Première année de la clause :</translation>
        </message>
        <message>
            <source>&amp;Last year (after it, all outside):</source>
            <translation>&amp;Dernière année (ensuite, tout est hors clause) :</translation>
        </message>
        <message>
            <source>&amp;Cap (% of GDP a year):</source>
            <translation>Pla&amp;fond (% du PIB par an) :</translation>
        </message>
        <message>
            <source>&amp;Baseline year:</source>
            <translation>Année de &amp;référence :</translation>
        </message>
        <message>
            <source>&amp;Year shown:</source>
            <translation>&amp;Année affichée :</translation>
        </message>
        <message>
            <source>active</source>
            <translation>active</translation>
        </message>
        <message>
            <source>ended %1: whole increase outside the clause</source>
            <translation>terminée en %1 : toute la hausse est hors clause</translation>
        </message>
        <message>
            <source>before the clause (from %2)</source>
            <translation>avant la clause (à partir de %2)</translation>
        </message>
        <message>
            <source>not applicable: not an EU member state</source>
            <translation>sans objet : pas un État membre de l'UE</translation>
        </message>
        <message>
            <source>not applicable: escape clause not activated for this member state</source>
            <translation>sans objet : clause dérogatoire non activée pour cet État membre</translation>
        </message>
        <message>
            <source>not applicable: no armed forces, no NATO figures</source>
            <translation>sans objet : pas de forces armées, pas de chiffres de l'OTAN</translation>
        </message>
        <message>
            <source>first year</source>
            <translation>première année</translation>
        </message>
        <message>
            <source>last year</source>
            <translation>dernière année</translation>
        </message>
        <message>
            <source>cap</source>
            <translation>plafond</translation>
        </message>
        <message>
            <source>baseline year</source>
            <translation>année de référence</translation>
        </message>
        <message>
            <source>Fiscal room — %1</source>
            <translation>Marge budgétaire — %1</translation>
        </message>
        <message>
            <source>EU national escape clause: in %1–%2 the increase in defence spending since %3 is inside the clause up to %4% of GDP and outside above it; after %2 the whole increase is outside. Core shares on NATO's definition; the EU measures defence on COFOG division 02, so type a COFOG-basis %3 share where you have one. This is natoplanner's reading of the rule, not the Commission's assessment. Sources: Council of the EU, 8 July and 10 October 2025; SAFE: European Commission, 9 September 2025. Budget-law terms = NATO basis ÷ the bridge ratio (sources: SOURCES.md §6); Canada, the UK and the US report fiscal years to NATO (see the tooltips).</source>
            <translation>Clause dérogatoire nationale de l'UE : de %1 à %2, la hausse des dépenses de défense depuis %3 est couverte par la clause jusqu'à %4 % du PIB et hors clause au-delà ; après %2, toute la hausse est hors clause. Parts de la défense essentielle selon la définition de l'OTAN ; l'UE mesure la défense selon la division 02 de la COFOG : saisissez une part %3 sur base COFOG si vous l'avez. Lecture de la règle par natoplanner, non l'évaluation de la Commission. Sources : Conseil de l'UE, 8 juillet et 10 octobre 2025 ; SAFE : Commission européenne, 9 septembre 2025. Montants « loi de finances » = base OTAN ÷ le rapport de passage (sources : SOURCES.md §6) ; le Canada, le Royaume-Uni et les États-Unis déclarent des exercices budgétaires à l'OTAN (voir les infobulles).</translation>
        </message>
    </context>
    <context>
        <name>GoalSeek</name>
        <message>
            <source>&amp;Goal seek…</source>
            <translation>&amp;Valeur cible…</translation>
        </message>
        <message>
            <source>Budget growth that reaches a target share of GDP by a year, for the selected allies</source>
            <translation>Croissance budgétaire qui atteint une part du PIB visée à une année donnée, pour les Alliés sélectionnés</translation>
        </message>
    </context>
    <context>
        <name>GoalSeekDialog</name>
        <message>
            <source>Goal seek</source>
            <translation>Valeur cible</translation>
        </message>
        <message>
            <source>core defence</source>
            <translation>défense essentielle</translation>
        </message>
        <message>
            <source>total (core + related)</source>
            <translation>total (essentielle + connexe)</translation>
        </message>
        <message>
            <source>Target measure</source>
            <translation>Mesure visée</translation>
        </message>
        <message>
            <source> % of GDP</source>
            <translation> % du PIB</translation>
        </message>
        <message>
            <source>Target share of GDP</source>
            <translation>Part du PIB visée</translation>
        </message>
        <message>
            <source>each ally's own target</source>
            <translation>objectif propre de chaque Allié</translation>
        </message>
        <message>
            <source>Use the targets set per ally in the policy panel (e.g. Spain's own target)</source>
            <translation>Utiliser les objectifs fixés par Allié dans le panneau des politiques (p. ex. l'objectif propre de l'Espagne)</translation>
        </message>
        <message>
            <source>Target year</source>
            <translation>Année visée</translation>
        </message>
        <message>
            <source>constant budget growth</source>
            <translation>croissance budgétaire constante</translation>
        </message>
        <message>
            <source>linear share ramp</source>
            <translation>montée linéaire de la part</translation>
        </message>
        <message>
            <source>Path shape</source>
            <translation>Forme de la trajectoire</translation>
        </message>
        <message>
            <source>keep growing after the target year</source>
            <translation>continuer la croissance après l'année cible</translation>
        </message>
        <message>
            <source>Unticked, the share reached in the target year is held after it; ticked, the budget keeps growing at the same rate</source>
            <translation>Non coché, la part atteinte l'année cible est maintenue ensuite ; coché, le budget continue de croître au même taux</translation>
        </message>
        <message>
            <source>Reach</source>
            <translation>Atteindre</translation>
        </message>
        <message>
            <source>by</source>
            <translation>en</translation>
        </message>
        <message>
            <source>with</source>
            <translation>avec</translation>
        </message>
        <message>
            <source>Allies:</source>
            <translation>Alliés :</translation>
        </message>
        <message>
            <source>Goal:</source>
            <translation>Objectif :</translation>
        </message>
        <message>
            <source>Goal-seek results</source>
            <translation>Résultats de la valeur cible</translation>
        </message>
        <message>
            <source>&amp;Apply path</source>
            <translation>&amp;Appliquer la trajectoire</translation>
        </message>
        <message>
            <source>Set each listed ally's core budget to grow at the rate shown (one undoable step)</source>
            <translation>Faire croître le budget de chaque Allié listé au taux indiqué (une seule étape annulable)</translation>
        </message>
        <message>
            <source>Apply to all allies &amp;below target</source>
            <translation>Appliquer à tous les Alliés &amp;sous l'objectif</translation>
        </message>
        <message>
            <source>Goal seek and apply for every ally below the target in the target year (one undoable step)</source>
            <translation>Calculer et appliquer pour chaque Allié sous l'objectif l'année visée (une seule étape annulable)</translation>
        </message>
        <message>
            <source>none — select allies in the table (Ctrl+click for several)</source>
            <translation>aucun — sélectionnez des Alliés dans le tableau (Ctrl+clic pour plusieurs)</translation>
        </message>
        <message>
            <source>Apply sets the path shown for each ally (constant nominal growth, or a linear share ramp) and clears its typed core budgets up to the target year; after that year the share reached is held unless “keep growing” is ticked. A path never cuts: an ally already above the target holds its share. Real growth deflates by the scenario's average deflator (%2). Amounts in million national currency. “Path” gives facts: target reached, incremental, part of the increase by %1 beside the linear path's; “back-loaded” below %3 of the linear part is this tool's heuristic (hover for the sentence). A total target counts related spending up to 1.5% of GDP and needs core at its own target too.</source>
            <translation>Appliquer fixe la trajectoire affichée pour chaque Allié (croissance nominale constante, ou montée linéaire de la part) et efface ses budgets saisis jusqu'à l'année cible ; ensuite la part atteinte est maintenue sauf si « continuer » est coché. Une trajectoire ne réduit jamais : un Allié déjà au-dessus de l'objectif garde sa part. La croissance réelle est déflatée par le déflateur moyen du scénario (%2). Montants en millions de monnaie nationale. « Trajectoire » donne des faits : objectif atteint, progressive, part de la hausse d'ici %1 à côté de celle de la trajectoire linéaire ; « hausse tardive » sous %3 de la part linéaire est une heuristique propre à cet outil (survolez pour la phrase). Un objectif total compte les dépenses connexes jusqu'à 1,5 % du PIB et exige aussi la défense essentielle à son objectif.</translation>
        </message>
        <message>
            <source>core</source>
            <translation>essentielle</translation>
        </message>
        <message>
            <source>total</source>
            <translation>total</translation>
        </message>
        <message>
            <source>own target</source>
            <translation>objectif propre</translation>
        </message>
        <message>
            <source>%1 %2 by %3</source>
            <translation>%1 %2 en %3</translation>
        </message>
        <message>
            <source>Goal seek: %1 to %2</source>
            <translation>Valeur cible : %1 à %2</translation>
        </message>
        <message>
            <source>%1: %2 typed or imported core budget(s) cleared</source>
            <translation>%1 : %2 budget(s) de défense saisi(s) ou importé(s) effacé(s)</translation>
        </message>
        <message>
            <source>Applying the goal-seek path replaces core budgets you typed or imported:</source>
            <translation>Appliquer la trajectoire de la valeur cible remplace des budgets de défense que vous avez saisis ou importés :</translation>
        </message>
        <message>
            <source>… and %1 more allies</source>
            <translation>… et %1 autres Alliés</translation>
        </message>
        <message>
            <source>Apply anyway? (Edit &gt; Undo brings them back.)</source>
            <translation>Appliquer quand même ? (Édition &gt; Annuler les rétablit.)</translation>
        </message>
        <message numerus="yes">
            <source>%n allies</source>
            <translation>
                <numerusform>%n Allié</numerusform>
                <numerusform>%n Alliés</numerusform>
            </translation>
        </message>
        <message>
            <source>Every ally already meets %1.</source>
            <translation>Chaque Allié atteint déjà %1.</translation>
        </message>
        <message numerus="yes">
            <source>all %n allies below target</source>
            <translation>
                <numerusform>l'Allié sous l'objectif</numerusform>
                <numerusform>les %n Alliés sous l'objectif</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GoalSeekModel</name>
        <message>
            <source>Core budget in %1 on the goal-seek path, million national currency</source>
            <extracomment>The raw value of a cell (float, text, or the path facts in a few words) for tests and copy. ISO3 → name in the interface language (filled by the dialog).</extracomment>
            <translation>Budget de défense en %1 sur la trajectoire calculée, millions de monnaie nationale</translation>
        </message>
        <message>
            <source>%1
mn</source>
            <translation>%1
M</translation>
        </message>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>Monnaie</translation>
        </message>
        <message>
            <source>National currency of the amounts</source>
            <translation>Monnaie nationale des montants</translation>
        </message>
        <message>
            <source>Plan now
%1 (% GDP)</source>
            <translation>Plan actuel
%1 (% PIB)</translation>
        </message>
        <message>
            <source>Share in %1 under the scenario as it stands, % of GDP</source>
            <translation>Part en %1 selon le scénario actuel, % du PIB</translation>
        </message>
        <message>
            <source>Nominal growth
(% a year)</source>
            <translation>Croissance nominale
(% par an)</translation>
        </message>
        <message>
            <source>Constant nominal growth of the core budget that reaches the target, % a year; “met”: already at the target, the growth that holds its share</source>
            <translation>Croissance nominale constante du budget de défense qui atteint l'objectif, % par an ; « atteint » : déjà à l'objectif, la croissance qui maintient sa part</translation>
        </message>
        <message>
            <source>Facts, no verdict: target reached by the target year (✓/✗), whether the share falls before it, the part of the increase done by %1 / the linear path's part; “back-loaded” is this tool's heuristic</source>
            <translation>Des faits, pas de verdict : objectif atteint l'année cible (✓/✗), baisse de la part avant, part de la hausse faite d'ici %1 / celle de la trajectoire linéaire ; « hausse tardive » est une heuristique propre à cet outil</translation>
        </message>
        <message>
            <source>met, %1</source>
            <translation>atteint, %1</translation>
        </message>
        <message>
            <source>Already at or above the target in the base year: the growth that holds its share</source>
            <translation>Déjà à l'objectif ou au-dessus l'année de base : la croissance qui maintient sa part</translation>
        </message>
        <message>
            <source>Real growth
(% a year)</source>
            <translation>Croissance réelle
(% par an)</translation>
        </message>
        <message>
            <source>The same growth after the average deflator, % a year</source>
            <translation>La même croissance après le déflateur moyen, % par an</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Trajectoire</translation>
        </message>
        <message>
            <source>%1 review
(% GDP)</source>
            <translation>Examen %1
(% PIB)</translation>
        </message>
        <message>
            <source>Core share at the %1 review on the goal-seek path, % of GDP</source>
            <translation>Part essentielle à l'examen de %1 sur la trajectoire calculée, % du PIB</translation>
        </message>
        <message>
            <source>%1 budget
(mn)</source>
            <translation>Budget %1
(M)</translation>
        </message>
        <message>
            <source>Core budget at the %1 review, million national currency</source>
            <translation>Budget de défense à l'examen de %1, millions de monnaie nationale</translation>
        </message>
        <message>
            <source>Plan holds if
GDP growth ≤</source>
            <translation>Plan tenu si
croissance du PIB ≤</translation>
        </message>
        <message>
            <source>Inverse: the highest constant real GDP growth (% a year) at which the current plan still meets the target in %1</source>
            <translation>Inverse : la plus forte croissance réelle constante du PIB (% par an) pour laquelle le plan actuel atteint encore l'objectif en %1</translation>
        </message>
        <message>
            <source>met (share held)</source>
            <translation>atteint (part maintenue)</translation>
        </message>
        <message>
            <source>missed (share held)</source>
            <translation>manqué (part maintenue)</translation>
        </message>
        <message>
            <source>any growth</source>
            <translation>toute croissance</translation>
        </message>
        <message>
            <source>never</source>
            <translation>jamais</translation>
        </message>
        <message>
            <source> — the plan sets a share of GDP, so GDP growth does not change it</source>
            <translation> — le plan fixe une part du PIB : la croissance du PIB ne la change pas</translation>
        </message>
        <message>
            <source>%1 mn %2</source>
            <translation>%1 M %2</translation>
        </message>
        <message>
            <source>% a year</source>
            <translation> % par an</translation>
        </message>
        <message>
            <source> pp vs the scenario path</source>
            <translation> pt par rapport à la trajectoire du scénario</translation>
        </message>
        <message>
            <source>real growth</source>
            <translation>croissance réelle</translation>
        </message>
        <message>
            <source>growth shift</source>
            <translation>écart de croissance</translation>
        </message>
        <message>
            <source>meets %1 in %2 while %3 ≤ %4</source>
            <translation>atteint %1 en %2 tant que la %3 ≤ %4</translation>
        </message>
        <message>
            <source>meets %1 in %2 at any %3 in %4</source>
            <translation>atteint %1 en %2 pour toute %3 dans %4</translation>
        </message>
        <message>
            <source>misses %1 in %2 at any %3 in %4</source>
            <translation>n'atteint pas %1 en %2 pour toute %3 dans %4</translation>
        </message>
        <message>
            <source>[%1, %2]</source>
            <translation>[%1 ; %2]</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import figures</source>
            <translation>Importer des chiffres</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Importé</translation>
        </message>
        <message>
            <source>Cannot import %1</source>
            <translation>Impossible d'importer %1</translation>
        </message>
        <message>
            <source>Import %1 cells from %2</source>
            <translation>Importer %1 cellules de %2</translation>
        </message>
        <message>
            <source>Imported from %1</source>
            <translation>Importé de %1</translation>
        </message>
    </context>
    <context>
        <name>ImportDialogLayout</name>
        <message>
            <source>File to import</source>
            <translation>Fichier à importer</translation>
        </message>
        <message>
            <source>Choose a spreadsheet (.xlsx, .csv)…</source>
            <translation>Choisissez un classeur (.xlsx, .csv)…</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>&amp;Choisir un fichier…</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Fichier :</translation>
        </message>
        <message>
            <source>Cancel &amp;reading</source>
            <translation>Annuler la &amp;lecture</translation>
        </message>
        <message>
            <source>Import preview</source>
            <translation>Aperçu de l'import</translation>
        </message>
        <message>
            <source>Tinted green: imported · %1 skipped · %2 name not matched · %3 invalid</source>
            <translation>En vert : importé · %1 ignorées · %2 nom non reconnu · %3 invalides</translation>
        </message>
        <message>
            <source> — hover a cell for the reason</source>
            <translation> — survolez une cellule pour la raison</translation>
        </message>
        <message>
            <source>Import details</source>
            <translation>Détails de l'import</translation>
        </message>
        <message>
            <source>Apply to “%1” as per-year overrides (one undo step)</source>
            <translation>Appliquer à « %1 » comme valeurs annuelles saisies (une étape d'annulation)</translation>
        </message>
        <message>
            <source>Open as a &amp;new scenario</source>
            <translation>Ouvrir comme &amp;nouveau scénario</translation>
        </message>
        <message>
            <source>Leave out the cells with errors (⊘ and names not matched) and import the rest</source>
            <translation>Laisser de côté les cellules en erreur (⊘ et noms non reconnus) et importer le reste</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importer</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewModel</name>
        <message>
            <source>country</source>
            <extracomment>What a cell is in the import: one of the ``Mark`` values below, or None. Columns shown at most (a sheet may claim 16,384); the summary still counts all.</extracomment>
            <translation>pays</translation>
        </message>
        <message>
            <source>year</source>
            <translation>année</translation>
        </message>
        <message>
            <source>value</source>
            <translation>valeur</translation>
        </message>
        <message>
            <source>%1: above the header row, not read</source>
            <translation>%1 : au-dessus de la ligne d'en-tête, non lu</translation>
        </message>
        <message>
            <source>%1: header row</source>
            <translation>%1 : ligne d'en-tête</translation>
        </message>
        <message>
            <source>%1: header of the %2 column</source>
            <translation>%1 : en-tête de la colonne %2</translation>
        </message>
        <message>
            <source>%1: matched to %2 (%3)</source>
            <translation>%1 : reconnu comme %2 (%3)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1 : %2</translation>
        </message>
        <message>
            <source>%1: imported — %2 %3, %4 = %5</source>
            <translation>%1 : importé — %2 %3, %4 = %5</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>ignorée</translation>
        </message>
        <message>
            <source>invalid</source>
            <translation>invalide</translation>
        </message>
        <message>
            <source>%1: %2 — %3</source>
            <translation>%1 : %2 — %3</translation>
        </message>
        <message>
            <source>Column %1 (%2)</source>
            <translation>Colonne %1 (%2)</translation>
        </message>
        <message>
            <source>Column %1 (not read)</source>
            <translation>Colonne %1 (non lue)</translation>
        </message>
    </context>
    <context>
        <name>ImportSettingsForm</name>
        <message>
            <source>Spreadsheet row that holds the column headings (years, “Country”)</source>
            <extracomment>The user picked the value column of a long table: the measure comes from its header.</extracomment>
            <translation>Ligne du classeur qui porte les en-têtes de colonnes (années, « Pays »)</translation>
        </message>
        <message>
            <source>Wide — a row per country, a column per year</source>
            <translation>Large — une ligne par pays, une colonne par année</translation>
        </message>
        <message>
            <source>Long — country, year and value columns</source>
            <translation>Long — colonnes pays, année et valeur</translation>
        </message>
        <message>
            <source>Columns whose heading in the header row is a year</source>
            <translation>Colonnes dont l'en-tête est une année</translation>
        </message>
        <message>
            <source>Year columns:</source>
            <translation>Colonnes d'années :</translation>
        </message>
        <message>
            <source>&amp;Year column:</source>
            <translation>Colonne des &amp;années :</translation>
        </message>
        <message>
            <source>&amp;Value column:</source>
            <translation>Colonne des &amp;valeurs :</translation>
        </message>
        <message>
            <source>&amp;Sheet:</source>
            <translation>&amp;Feuille :</translation>
        </message>
        <message>
            <source>&amp;Header row:</source>
            <translation>Ligne d'&amp;en-tête :</translation>
        </message>
        <message>
            <source>&amp;Layout:</source>
            <translation>&amp;Disposition :</translation>
        </message>
        <message>
            <source>C&amp;ountry column:</source>
            <translation>Colonne des &amp;pays :</translation>
        </message>
        <message>
            <source>&amp;Measure:</source>
            <translation>&amp;Mesure :</translation>
        </message>
        <message>
            <source>&amp;Unit:</source>
            <translation>&amp;Unité :</translation>
        </message>
        <message>
            <source> (hidden)</source>
            <translation> (masquée)</translation>
        </message>
        <message>
            <source> (detected)</source>
            <translation> (détecté)</translation>
        </message>
        <message>
            <source>none — the header row holds no years</source>
            <translation>aucune — la ligne d'en-tête ne contient pas d'années</translation>
        </message>
        <message>
            <source>Detected: %1 — %2</source>
            <translation>Détecté : %1 — %2</translation>
        </message>
        <message>
            <source>; you chose %1 in %2</source>
            <translation> ; vous avez choisi %1 en %2</translation>
        </message>
        <message>
            <source>wide table: header in row %1, %2 year columns (%3–%4), countries in column %5</source>
            <translation>tableau large : en-tête en ligne %1, %2 colonnes d'années (%3–%4), pays en colonne %5</translation>
        </message>
        <message>
            <source>long table: header in row %1; countries in column %2, years in %3, values in %4</source>
            <translation>tableau long : en-tête en ligne %1 ; pays en colonne %2, années en %3, valeurs en %4</translation>
        </message>
        <message>
            <source>measure: %1; unit: %2</source>
            <translation>mesure : %1 ; unité : %2</translation>
        </message>
        <message>
            <source>detected as fractions (0.0425 = 4.25%)</source>
            <translation>détecté en fractions (0,0425 = 4,25 %)</translation>
        </message>
        <message>
            <source>detected as percent (4.25 = 4.25%)</source>
            <translation>détecté en pourcentage (4,25 = 4,25 %)</translation>
        </message>
        <message>
            <source>detected in %1</source>
            <translation>détecté en %1</translation>
        </message>
        <message>
            <source>Several columns could hold the values (%1): choose one</source>
            <translation>Plusieurs colonnes peuvent contenir les valeurs (%1) : choisissez-en une</translation>
        </message>
    </context>
    <context>
        <name>ImportSummary</name>
        <message>
            <source>%1 cells for %2 allies (%3), years %4</source>
            <translation>%1 cellules pour %2 Alliés (%3), années %4</translation>
        </message>
        <message>
            <source>nothing to import</source>
            <translation>rien à importer</translation>
        </message>
        <message>
            <source>%1 cells skipped (hover over a cell for the reason)</source>
            <translation>%1 cellules ignorées (survolez une cellule pour la raison)</translation>
        </message>
        <message>
            <source>%1 names not matched to an ally: %2</source>
            <translation>%1 noms non reconnus comme Alliés : %2</translation>
        </message>
        <message>
            <source>%1 invalid cells: %2</source>
            <translation>%1 cellules invalides : %2</translation>
        </message>
        <message>
            <source>Most figures read as %1 are far from the scenario's path for their ally (this tool's check). They look like %2. Read them as %2?</source>
            <translation>La plupart des chiffres lus en %1 sont loin de la trajectoire du scénario pour leur Allié (contrôle propre à cet outil). Ils ressemblent à des %2. Les lire en %2 ?</translation>
        </message>
        <message>
            <source>Check the unit</source>
            <translation>Vérifier l'unité</translation>
        </message>
        <message>
            <source>Nothing will be imported until this is settled: %1</source>
            <translation>Rien ne sera importé tant que ce point n'est pas réglé : %1</translation>
        </message>
        <message>
            <source>Will set %1 inputs for %2 allies, %3</source>
            <translation>Fixera %1 valeurs pour %2 Alliés, %3</translation>
        </message>
        <message>
            <source>Nothing to import with these settings</source>
            <translation>Rien à importer avec ces réglages</translation>
        </message>
        <message>
            <source> · %1 cells skipped · %2 invalid</source>
            <translation> · %1 cellules ignorées · %2 invalides</translation>
        </message>
        <message>
            <source> · %1 names not matched</source>
            <translation> · %1 noms non reconnus</translation>
        </message>
        <message>
            <source>These settings describe no table: %1</source>
            <translation>Ces réglages ne décrivent aucun tableau : %1</translation>
        </message>
    </context>
    <context>
        <name>ImportWords</name>
        <message>
            <source>core defence budget</source>
            <translation>budget de défense essentielle</translation>
        </message>
        <message>
            <source>core defence as a share of GDP</source>
            <translation>défense essentielle en part du PIB</translation>
        </message>
        <message>
            <source>nominal GDP</source>
            <translation>PIB nominal</translation>
        </message>
        <message>
            <source>real GDP growth</source>
            <translation>croissance réelle du PIB</translation>
        </message>
        <message>
            <source>inflation (used as the GDP deflator)</source>
            <translation>inflation (utilisée comme déflateur du PIB)</translation>
        </message>
        <message>
            <source>national currency</source>
            <translation>monnaie nationale</translation>
        </message>
        <message>
            <source>thousand national currency</source>
            <translation>milliers de monnaie nationale</translation>
        </message>
        <message>
            <source>million national currency</source>
            <translation>millions de monnaie nationale</translation>
        </message>
        <message>
            <source>billion national currency</source>
            <translation>milliards de monnaie nationale</translation>
        </message>
        <message>
            <source>US dollars</source>
            <translation>dollars US</translation>
        </message>
        <message>
            <source>thousand US dollars</source>
            <translation>milliers de dollars US</translation>
        </message>
        <message>
            <source>million US dollars</source>
            <translation>millions de dollars US</translation>
        </message>
        <message>
            <source>billion US dollars</source>
            <translation>milliards de dollars US</translation>
        </message>
        <message>
            <source>percent (4.25 = 4.25%)</source>
            <translation>pour cent (4,25 = 4,25 %)</translation>
        </message>
        <message>
            <source>fraction (0.0425 = 4.25%)</source>
            <translation>fraction (0,0425 = 4,25 %)</translation>
        </message>
        <message>
            <source>core budget</source>
            <extracomment>The scenario input an import writes, and the unit its amounts are shown in.</extracomment>
            <translation>budget de défense essentielle</translation>
        </message>
        <message>
            <source>mn</source>
            <translation>M</translation>
        </message>
        <message>
            <source>bn</source>
            <translation>Md</translation>
        </message>
        <message>
            <source>GDP deflator</source>
            <translation>déflateur du PIB</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>below the 2% guideline</source>
            <extracomment>Raw value for sorting and copying (the DisplayRole is formatted text). ISO3 code of the row's ally. Banded columns and the target each is measured against (% of GDP). Differences below this (percentage points) are rounding noise, not a shortfall.</extracomment>
            <translation>sous la ligne des 2 %</translation>
        </message>
        <message>
            <source>between 2% and 3.5%</source>
            <translation>entre 2 % et 3,5 %</translation>
        </message>
        <message>
            <source>at or above 3.5%</source>
            <translation>3,5 % ou plus</translation>
        </message>
        <message>
            <source>total below 2%</source>
            <translation>total sous 2 %</translation>
        </message>
        <message>
            <source>total between 2% and 5%</source>
            <translation>total entre 2 % et 5 %</translation>
        </message>
        <message>
            <source>total at or above 5%</source>
            <translation>total à 5 % ou plus</translation>
        </message>
        <message>
            <source>NATO 2026 edition (2014-2026), cut-off 2026-07-03</source>
            <extracomment>Data labels from core/dataset.py, marked for Qt Linguist; unknown ones pass through.</extracomment>
            <translation>OTAN, édition 2026 (2014-2026), arrêtée au 03/07/2026</translation>
        </message>
        <message>
            <source>IMF WEO April 2026</source>
            <translation>FMI, Perspectives avril 2026</translation>
        </message>
        <message>
            <source>IMF WEO October 2025</source>
            <translation>FMI, Perspectives octobre 2025</translation>
        </message>
        <message>
            <source>IMF WEO April 2025</source>
            <translation>FMI, Perspectives avril 2025</translation>
        </message>
        <message>
            <source>explicit amounts</source>
            <translation>montants saisis</translation>
        </message>
        <message>
            <source>nominal growth %1/yr</source>
            <translation>croissance nominale %1/an</translation>
        </message>
        <message>
            <source>real growth %1/yr</source>
            <translation>croissance réelle %1/an</translation>
        </message>
        <message>
            <source>hold base-year share</source>
            <translation>part initiale maintenue</translation>
        </message>
        <message>
            <source>hold %1 of GDP</source>
            <translation>%1 du PIB maintenu</translation>
        </message>
        <message>
            <source>ramp to %1 by %2</source>
            <translation>montée à %1 en %2</translation>
        </message>
        <message>
            <source>not set</source>
            <translation>non fixée</translation>
        </message>
        <message>
            <source>ramp %1 → %2 by %3</source>
            <translation>montée %1 → %2 en %3</translation>
        </message>
        <message>
            <source>; </source>
            <translation> ; </translation>
        </message>
        <message>
            <source>%1 of the increase by %2 (linear path: %3)</source>
            <translation>%1 de la hausse d'ici %2 (trajectoire linéaire : %3)</translation>
        </message>
        <message>
            <source>back-loaded: below %1 of the linear part (this tool's heuristic)</source>
            <translation>hausse tardive : moins de %1 de la part linéaire (heuristique propre à cet outil)</translation>
        </message>
        <message>
            <source>needs less than %1 pp more: timing not reported (this tool's heuristic)</source>
            <translation>moins de %1 point de plus à faire : calendrier non indiqué (heuristique propre à cet outil)</translation>
        </message>
        <message>
            <source>falls %1</source>
            <translation>baisse %1</translation>
        </message>
        <message>
            <source>back-loaded</source>
            <translation>hausse tardive</translation>
        </message>
        <message>
            <source>share of %1, not GDP: NATO measures it against %1 (its GDP path is %1)</source>
            <translation>part du %1, pas du PIB : l'OTAN la mesure par rapport au %1 (sa trajectoire de PIB est le %1)</translation>
        </message>
        <message>
            <source>NATO basis %1 (constant prices), cash ÷ %3 %2</source>
            <translation>base OTAN %1 (prix constants), dépenses courantes ÷ %3 %2</translation>
        </message>
        <message>
            <source>GDP</source>
            <extracomment>The measures a share is taken of, as the core names them, in the interface language.</extracomment>
            <translation>PIB</translation>
        </message>
        <message>
            <source>GNI</source>
            <translation>RNB</translation>
        </message>
        <message>
            <source>relative PPP from the deflator paths</source>
            <translation>PPA relative d'après les trajectoires de déflateur</translation>
        </message>
        <message>
            <source>relative PPP from the deflator paths; typed for %1 ally(s)</source>
            <translation>PPA relative d'après les trajectoires de déflateur ; saisi pour %1 Allié(s)</translation>
        </message>
        <message>
            <source>NATO implied GDP deflator (each year's to %1, then the %2-%1 average; %3 where NATO has none; typed years where set)</source>
            <translation>déflateur implicite du PIB de l'OTAN (celui de chaque année jusqu'en %1, puis la moyenne %2-%1 ; %3 là où l'OTAN n'en a pas ; années saisies le cas échéant)</translation>
        </message>
        <message>
            <source>%1 GDP deflator (typed years where set)</source>
            <translation>déflateur du PIB %1 (années saisies le cas échéant)</translation>
        </message>
        <message>
            <source>%1 CPI (stand-in for the GDP deflator; typed years where set)</source>
            <translation>IPC %1 (à la place du déflateur du PIB ; années saisies le cas échéant)</translation>
        </message>
        <message>
            <source>no armed forces: no target path</source>
            <translation>pas de forces armées : pas de trajectoire</translation>
        </message>
        <message>
            <source>at or above %1 in the base year</source>
            <translation>à %1 ou plus dès l'année de base</translation>
        </message>
        <message>
            <source>reaches %1 by %2</source>
            <translation>atteint %1 d'ici %2</translation>
        </message>
        <message>
            <source>does not reach %1 by %2</source>
            <translation>n'atteint pas %1 d'ici %2</translation>
        </message>
        <message>
            <source>incremental</source>
            <translation>progressive</translation>
        </message>
        <message>
            <source>share falls in %1</source>
            <translation>la part baisse en %1</translation>
        </message>
        <message>
            <source>NATO 2025 edition (cut-off 2025-06-03, published 2025-08-28)</source>
            <extracomment>The publications' labels in data/nato_share_gdp_vintages.csv, marked for Qt Linguist (shown through :func:`data_label`; a new one passes through untranslated).</extracomment>
            <translation>OTAN, édition 2025 (arrêtée au 03/06/2025, publiée le 28/08/2025)</translation>
        </message>
        <message>
            <source>NATO 2026 edition (cut-off 2026-07-03)</source>
            <translation>OTAN, édition 2026 (arrêtée au 03/07/2026)</translation>
        </message>
        <message>
            <source>likely NATO 2023 edition (July 2023) - attribution unverified</source>
            <translation>probablement OTAN, édition 2023 (juillet 2023) – attribution non vérifiée</translation>
        </message>
        <message>
            <source>NATO Secretary General Annual Report 2023 (March 2024)</source>
            <translation>Rapport annuel 2023 du Secrétaire général de l'OTAN (mars 2024)</translation>
        </message>
        <message>
            <source>NATO 2024 edition (published 2024-06-17)</source>
            <translation>OTAN, édition 2024 (publiée le 17/06/2024)</translation>
        </message>
        <message>
            <source>NATO Secretary General Annual Report 2025 (26 March 2026)</source>
            <translation>Rapport annuel 2025 du Secrétaire général de l'OTAN (26 mars 2026)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&lt;original scenario&gt;</source>
            <translation>&lt;scénario d'origine&gt;</translation>
        </message>
        <message>
            <source>Undo history</source>
            <translation>Historique des modifications</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>Aucun fichier récent</translation>
        </message>
        <message>
            <source>&amp;Clear list</source>
            <translation>&amp;Effacer la liste</translation>
        </message>
        <message>
            <source>File not found</source>
            <translation>Fichier introuvable</translation>
        </message>
        <message>
            <source>%1 no longer exists; it was removed from the recent files.</source>
            <translation>%1 n'existe plus ; il a été retiré des fichiers récents.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>The language changes when natoplanner starts again.</source>
            <translation>La langue change au prochain démarrage de natoplanner.</translation>
        </message>
        <message>
            <source>%1 · base year %2 · GDP: %3 (NATO implied deflator)</source>
            <translation>%1 · année de base %2 · PIB : %3 (déflateur implicite OTAN)</translation>
        </message>
        <message>
            <source>%1 · base year %2 · GDP: %3 (GDP deflator)</source>
            <translation>%1 · année de base %2 · PIB : %3 (déflateur du PIB)</translation>
        </message>
        <message>
            <source>%1 · base year %2 · GDP: %3 (CPI as deflator)</source>
            <translation>%1 · année de base %2 · PIB : %3 (IPC comme déflateur)</translation>
        </message>
        <message>
            <source>Select an ally in the table to edit its years.</source>
            <translation>Sélectionnez un Allié dans le tableau pour modifier ses années.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — amounts in %2; bold cells are your overrides (Delete clears)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — montants en %2 ; en gras, vos valeurs saisies (Suppr les efface)</translation>
        </message>
        <message>
            <source>(read-only)</source>
            <translation>(lecture seule)</translation>
        </message>
        <message>
            <source>Rename scenario</source>
            <translation>Renommer le scénario</translation>
        </message>
        <message>
            <source>Scenario name:</source>
            <translation>Nom du scénario :</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>Ouverture de %1…</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Ouverture impossible</translation>
        </message>
        <message>
            <source>Opened with warnings</source>
            <translation>Ouvert avec des avertissements</translation>
        </message>
        <message>
            <source>Saving %1…</source>
            <translation>Enregistrement de %1…</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Enregistrement impossible</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 enregistré</translation>
        </message>
        <message>
            <source>Scenario workbooks (*.xlsx)</source>
            <translation>Classeurs de scénario (*.xlsx)</translation>
        </message>
        <message>
            <source>&amp;Alliance view</source>
            <translation>Vue de l'&amp;Alliance</translation>
        </message>
        <message>
            <source>Ranking of allies, burden sharing and NATO's revisions</source>
            <translation>Classement des Alliés, partage du fardeau et révisions de l'OTAN</translation>
        </message>
        <message>
            <source>&amp;Compare scenarios…</source>
            <translation>Com&amp;parer des scénarios…</translation>
        </message>
        <message>
            <source>Compare two or more open scenarios against a reference</source>
            <translation>Comparer deux scénarios ouverts ou plus à une référence</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copier</translation>
        </message>
        <message>
            <source>Copy the allies table or the year editor's cells as tab-separated text</source>
            <translation>Copier le tableau des Alliés ou les cellules de l'éditeur des années en texte séparé par des tabulations</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>C&amp;oller</translation>
        </message>
        <message>
            <source>Fill the year editor from the current cell with cells copied from a spreadsheet</source>
            <translation>Remplir l'éditeur des années depuis la cellule courante avec des cellules copiées d'un classeur</translation>
        </message>
        <message>
            <source>Results as &amp;Excel (.xlsx)…</source>
            <translation>Résultats en &amp;Excel (.xlsx)…</translation>
        </message>
        <message>
            <source>Results as &amp;CSV (.csv)…</source>
            <translation>Résultats en &amp;CSV (.csv)…</translation>
        </message>
        <message>
            <source>Plot as &amp;PNG image…</source>
            <translation>Graphique en image &amp;PNG…</translation>
        </message>
        <message>
            <source>Plot as &amp;SVG drawing…</source>
            <translation>Graphique en dessin &amp;SVG…</translation>
        </message>
        <message>
            <source>A natoplanner scenario</source>
            <translation>Un scénario natoplanner</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importer…</translation>
        </message>
        <message>
            <source>Import figures from a spreadsheet (NATO, SIPRI, IMF, World Bank…)</source>
            <translation>Importer des chiffres d'un classeur (OTAN, SIPRI, FMI, Banque mondiale…)</translation>
        </message>
        <message>
            <source>&amp;Open it</source>
            <translation>L'&amp;ouvrir</translation>
        </message>
        <message>
            <source>&amp;Import its inputs</source>
            <translation>&amp;Importer ses saisies</translation>
        </message>
        <message>
            <source>Nothing to import</source>
            <translation>Rien à importer</translation>
        </message>
        <message>
            <source>“%1” holds no typed inputs.</source>
            <translation>« %1 » ne contient aucune saisie.</translation>
        </message>
        <message>
            <source>Import %1 inputs from %2</source>
            <translation>import de %1 saisies depuis %2</translation>
        </message>
        <message>
            <source>“%1” is a natoplanner scenario workbook, not a table of figures. Open it as a scenario, or copy its typed inputs (overrides) into “%2”?</source>
            <translation>« %1 » est un classeur de scénario natoplanner, pas un tableau de chiffres. L'ouvrir comme scénario, ou copier ses saisies dans « %2 » ?</translation>
        </message>
        <message>
            <source>Cannot import %1</source>
            <translation>Impossible d'importer %1</translation>
        </message>
        <message>
            <source>&amp;Escape-clause band on the plot</source>
            <translation>Bande de la &amp;clause dérogatoire sur le graphique</translation>
        </message>
        <message>
            <source>Shade the room inside the EU escape clause (baseline share + cap, clause years) for the ally being edited</source>
            <translation>Ombrer la marge couverte par la clause dérogatoire de l'UE (part de référence + plafond, années de la clause) pour l'Allié en cours de modification</translation>
        </message>
        <message>
            <source>inside the EU escape clause: %1</source>
            <translation>dans la clause dérogatoire de l'UE : %1</translation>
        </message>
        <message>
            <source>&amp;Fiscal room (EU escape clause)</source>
            <translation>&amp;Marge budgétaire (clause dérogatoire de l'UE)</translation>
        </message>
        <message>
            <source>The increase in defence spending inside and outside the EU escape clause</source>
            <translation>La hausse des dépenses de défense dans et hors de la clause dérogatoire de l'UE</translation>
        </message>
        <message>
            <source>Announced national plans</source>
            <translation>Plans nationaux annoncés</translation>
        </message>
        <message>
            <source>New from te&amp;mplate</source>
            <translation>Nouveau à partir d'un &amp;modèle</translation>
        </message>
        <message>
            <source>&amp;Announced national plans</source>
            <translation>Plans nationaux &amp;annoncés</translation>
        </message>
        <message>
            <source>Governments' published defence plans (Germany, the United Kingdom, Canada, the Netherlands, Lithuania, Latvia, Spain), each with its source in the notes</source>
            <translation>Plans de défense publiés par les gouvernements (Allemagne, Royaume-Uni, Canada, Pays-Bas, Lituanie, Lettonie, Espagne), chacun avec sa source dans les notes</translation>
        </message>
        <message>
            <source>&amp;User guide</source>
            <translation>&amp;Guide de l'utilisateur</translation>
        </message>
        <message>
            <source>What each column and measure means, overrides, policies and the Hague rules</source>
            <translation>Ce que signifie chaque colonne et chaque mesure, les valeurs saisies, les politiques et les règles de La Haye</translation>
        </message>
        <message>
            <source>&amp;Data sources</source>
            <translation>&amp;Sources des données</translation>
        </message>
        <message>
            <source>Where every figure comes from (data/SOURCES.md)</source>
            <translation>D'où vient chaque chiffre (data/SOURCES.md)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>Every shortcut of this window</source>
            <translation>Tous les raccourcis de cette fenêtre</translation>
        </message>
        <message>
            <source>&amp;Welcome panel</source>
            <translation>Panneau d'&amp;accueil</translation>
        </message>
        <message>
            <source>Show the first-start orientation again</source>
            <translation>Afficher de nouveau la présentation du premier démarrage</translation>
        </message>
        <message>
            <source>&amp;About natoplanner</source>
            <translation>À &amp;propos de natoplanner</translation>
        </message>
        <message>
            <source>&amp;Data</source>
            <translation>D&amp;onnées</translation>
        </message>
        <message>
            <source>&amp;Sources…</source>
            <translation>&amp;Sources…</translation>
        </message>
        <message>
            <source>Data vintages and reference series: import, use, remove, provenance</source>
            <translation>Éditions de données et séries de référence : importer, utiliser, retirer, provenance</translation>
        </message>
        <message>
            <source>&amp;New scenario</source>
            <translation>&amp;Nouveau scénario</translation>
        </message>
        <message>
            <source>Open the default scenario in a new window</source>
            <translation>Ouvrir le scénario par défaut dans une nouvelle fenêtre</translation>
        </message>
        <message>
            <source>&amp;Duplicate scenario</source>
            <translation>&amp;Dupliquer le scénario</translation>
        </message>
        <message>
            <source>Open a copy of this scenario in a new window</source>
            <translation>Ouvrir une copie de ce scénario dans une nouvelle fenêtre</translation>
        </message>
        <message>
            <source>&amp;Rename scenario…</source>
            <translation>Renommer le s&amp;cénario…</translation>
        </message>
        <message>
            <source>Change the scenario's name</source>
            <translation>Changer le nom du scénario</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Fermer</translation>
        </message>
        <message>
            <source>Close this scenario's window</source>
            <translation>Fermer la fenêtre de ce scénario</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Ouvrir…</translation>
        </message>
        <message>
            <source>Open a scenario workbook</source>
            <translation>Ouvrir un classeur de scénario</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Enregistrer</translation>
        </message>
        <message>
            <source>Save the scenario workbook</source>
            <translation>Enregistrer le classeur du scénario</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Enregistrer &amp;sous…</translation>
        </message>
        <message>
            <source>Save under a new name</source>
            <translation>Enregistrer sous un nouveau nom</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>Close every scenario window</source>
            <translation>Fermer toutes les fenêtres de scénario</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;Find ally</source>
            <translation>C&amp;hercher un Allié</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Open Recen&amp;t</source>
            <translation>Fichiers &amp;récents</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>E&amp;xporter</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>Undo &amp;history</source>
            <translation>&amp;Historique des modifications</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>&amp;Analysis</source>
            <translation>A&amp;nalyse</translation>
        </message>
        <message>
            <source>&amp;Window</source>
            <translation>F&amp;enêtre</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;ide</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Scénario</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Rétablir</translation>
        </message>
        <message>
            <source>Horizon year</source>
            <translation>Année d'horizon</translation>
        </message>
        <message>
            <source>Last projected year (the Hague commitment: 2035)</source>
            <translation>Dernière année projetée (engagement de La Haye : 2035)</translation>
        </message>
        <message>
            <source> Hori&amp;zon: </source>
            <translation> Hori&amp;zon : </translation>
        </message>
        <message>
            <source>% of linear</source>
            <translation> % du linéaire</translation>
        </message>
        <message>
            <source>Back-loading threshold</source>
            <translation>Seuil de hausse tardive</translation>
        </message>
        <message>
            <source>This tool's heuristic, not the Hague declaration's (it sets no number): a path is called back-loaded when the part of its needed increase done by the 2029 review is below this fraction of the linear path's part (33% for 2026→2035). Saved in the scenario.</source>
            <translation>Heuristique propre à cet outil, pas à la déclaration de La Haye (qui ne fixe aucun chiffre) : une trajectoire est dite à hausse tardive quand la part de la hausse nécessaire faite avant l'examen de 2029 est inférieure à cette fraction de celle de la trajectoire linéaire (33 % pour 2026→2035). Enregistré dans le scénario.</translation>
        </message>
        <message>
            <source>  Bac&amp;k-loaded below: </source>
            <translation>  &amp;Hausse tardive sous : </translation>
        </message>
        <message>
            <source>GDP forecast vintage</source>
            <translation>Édition des prévisions de PIB</translation>
        </message>
        <message>
            <source>IMF World Economic Outlook vintage for the default real GDP growth and CPI (the deflator); your typed growth and deflator values are kept</source>
            <translation>Édition des Perspectives de l'économie mondiale du FMI pour la croissance réelle et l'IPC par défaut (le déflateur) ; vos valeurs saisies sont conservées</translation>
        </message>
        <message>
            <source>  GDP fo&amp;recast: </source>
            <translation>  Pré&amp;visions de PIB : </translation>
        </message>
        <message>
            <source>IMF (the vintage's)</source>
            <translation>FMI (celui du millésime)</translation>
        </message>
        <message>
            <source>NATO implied</source>
            <translation>implicite OTAN</translation>
        </message>
        <message>
            <source>Default deflator</source>
            <translation>Déflateur par défaut</translation>
        </message>
        <message>
            <source>Where every ally's default deflator comes from: the GDP forecast vintage (IMF CPI inflation standing in for the GDP deflator, or the vintage's GDP deflator where it has one), or NATO's implied GDP deflator (its figure of each year to the edition's last year, then its ten-year average). Typed deflator years are kept either way.</source>
            <translation>D'où vient le déflateur par défaut de chaque Allié : le millésime de prévisions du PIB (l'inflation IPC du FMI à la place du déflateur du PIB, ou le déflateur du PIB du millésime s'il en a un), ou le déflateur implicite du PIB de l'OTAN (son chiffre de chaque année jusqu'à la dernière année de l'édition, puis sa moyenne sur dix ans). Les années de déflateur saisies sont conservées dans les deux cas.</translation>
        </message>
        <message>
            <source>  Deflator: </source>
            <translation>  Déflateur : </translation>
        </message>
    </context>
    <context>
        <name>OpeningCover</name>
        <message>
            <source>Opening “%1”…</source>
            <translation>Ouverture de « %1 »…</translation>
        </message>
    </context>
    <context>
        <name>PathPlot</name>
        <message>
            <source>Plotted measure</source>
            <extracomment>Core (solid history, dashed projection) and the countable total (dotted) together. Modes whose values are shares of GDP (%), with the 2%, 3.5% and 5% lines. Filled dots at the years the user typed (or imported) an input for the ally. The countable total share (core + related up to 1.5%), dotted; empty unless shown. The plotted allies or the mode changed (overlays such as reference series follow).</extracomment>
            <translation>Mesure représentée</translation>
        </message>
        <message>
            <source>Core share of GDP (%)</source>
            <translation>Part essentielle du PIB (%)</translation>
        </message>
        <message>
            <source>Total share of GDP (%)</source>
            <translation>Part totale du PIB (%)</translation>
        </message>
        <message>
            <source>Core spending (million national currency)</source>
            <translation>Dépenses essentielles (millions de monnaie nationale)</translation>
        </message>
        <message>
            <source>Core spending (million USD)</source>
            <translation>Dépenses essentielles (millions USD)</translation>
        </message>
        <message>
            <source>Core and total share of GDP (%)</source>
            <translation>Parts essentielle et totale du PIB (%)</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>Affiche&amp;r :</translation>
        </message>
        <message>
            <source>&amp;Core share of GDP (%)</source>
            <translation>Part &amp;essentielle du PIB (%)</translation>
        </message>
        <message>
            <source>&amp;Total share of GDP (%)</source>
            <translation>Part &amp;totale du PIB (%)</translation>
        </message>
        <message>
            <source>Core spending (million &amp;national currency)</source>
            <translation>Dépenses essentielles (millions de monnaie &amp;nationale)</translation>
        </message>
        <message>
            <source>Core spending (million &amp;USD)</source>
            <translation>Dépenses essentielles (millions &amp;USD)</translation>
        </message>
        <message>
            <source>Core an&amp;d total share of GDP (%)</source>
            <translation>Parts essentielle et totale &amp;du PIB (%)</translation>
        </message>
        <message>
            <source>Value under the mouse</source>
            <translation>Valeur sous la souris</translation>
        </message>
        <message>
            <source>Path plot</source>
            <translation>Graphique des trajectoires</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>2% guideline</source>
            <translation>ligne directrice 2 %</translation>
        </message>
        <message>
            <source>3.5% core</source>
            <translation>3,5 % essentielle</translation>
        </message>
        <message>
            <source>5% total</source>
            <translation>5 % total</translation>
        </message>
        <message>
            <source>%1 review</source>
            <translation>examen de %1</translation>
        </message>
        <message>
            <source>horizon</source>
            <translation>horizon</translation>
        </message>
        <message>
            <source>Select allies in the table to plot their paths (Ctrl+click for several)</source>
            <translation>Sélectionnez des Alliés dans le tableau pour tracer leurs trajectoires (Ctrl+clic pour plusieurs)</translation>
        </message>
        <message>
            <source>Core defence, % of GDP</source>
            <translation>Défense essentielle, % du PIB</translation>
        </message>
        <message>
            <source>Core + related, % of GDP</source>
            <translation>Essentielle + connexe, % du PIB</translation>
        </message>
        <message>
            <source>Core defence, million national currency</source>
            <translation>Défense essentielle, millions de monnaie nationale</translation>
        </message>
        <message>
            <source>Core defence, million USD (projection at base-year prices and rates)</source>
            <translation>Défense essentielle, millions USD (projection aux prix et taux de l'année de base)</translation>
        </message>
        <message>
            <source>Core and total, % of GDP</source>
            <translation>Essentielle et totale, % du PIB</translation>
        </message>
        <message>
            <source>dotted: total (core + related up to 1.5%)</source>
            <translation>pointillés : total (essentielle + connexe jusqu'à 1,5 %)</translation>
        </message>
        <message>
            <source>total %1</source>
            <translation>total %1</translation>
        </message>
        <message>
            <source>%1 mn %2</source>
            <translation>%1 M %2</translation>
        </message>
        <message>
            <source>projection, with your input for that year</source>
            <translation>projection, avec votre valeur saisie pour cette année</translation>
        </message>
        <message>
            <source>projection</source>
            <translation>projection</translation>
        </message>
        <message>
            <source>NATO estimate</source>
            <translation>estimation OTAN</translation>
        </message>
        <message>
            <source>NATO</source>
            <translation>OTAN</translation>
        </message>
    </context>
    <context>
        <name>PolicyPanel</name>
        <message>
            <source>Core budget policy</source>
            <translation>Politique du budget de défense</translation>
        </message>
        <message>
            <source>Constant share of GDP</source>
            <translation>Part du PIB constante</translation>
        </message>
        <message>
            <source>Ramp to target by year</source>
            <translation>Montée vers l'objectif à une année</translation>
        </message>
        <message>
            <source>Nominal growth</source>
            <translation>Croissance nominale</translation>
        </message>
        <message>
            <source>Real growth</source>
            <translation>Croissance réelle</translation>
        </message>
        <message>
            <source>Explicit amounts</source>
            <translation>Montants saisis</translation>
        </message>
        <message>
            <source>Budget growth rate</source>
            <translation>Taux de croissance du budget</translation>
        </message>
        <message>
            <source> %/yr</source>
            <translation> %/an</translation>
        </message>
        <message>
            <source>Share of GDP held</source>
            <translation>Part du PIB maintenue</translation>
        </message>
        <message>
            <source>base-year share</source>
            <translation>part de l'année de base</translation>
        </message>
        <message>
            <source>Core target share</source>
            <translation>Part visée (essentielle)</translation>
        </message>
        <message>
            <source>Target year</source>
            <translation>Année visée</translation>
        </message>
        <message>
            <source>Grow until</source>
            <translation>Croissance jusqu'en</translation>
        </message>
        <message>
            <source>every year</source>
            <translation>chaque année</translation>
        </message>
        <message>
            <source>&amp;Policy:</source>
            <translation>&amp;Politique :</translation>
        </message>
        <message>
            <source>&amp;Growth:</source>
            <translation>Croi&amp;ssance :</translation>
        </message>
        <message>
            <source>Grow &amp;until:</source>
            <translation>Croissance jus&amp;qu'en :</translation>
        </message>
        <message>
            <source>Share he&amp;ld:</source>
            <translation>Part &amp;maintenue :</translation>
        </message>
        <message>
            <source>Ra&amp;mp to:</source>
            <translation>Monter &amp;jusqu'à :</translation>
        </message>
        <message>
            <source>&amp;Initial share:</source>
            <translation>Part initia&amp;le :</translation>
        </message>
        <message>
            <source>&amp;Core:</source>
            <translation>Essen&amp;tiel :</translation>
        </message>
        <message>
            <source>&amp;Total:</source>
            <translation>Total :</translation>
        </message>
        <message>
            <source>&amp;By year:</source>
            <translation>É&amp;chéance :</translation>
        </message>
        <message>
            <source>Related spending (1.5% track)</source>
            <translation>Dépenses connexes (volet de 1,5 %)</translation>
        </message>
        <message>
            <source>Related spending policy</source>
            <translation>Politique des dépenses connexes</translation>
        </message>
        <message>
            <source>Not set (0%)</source>
            <translation>Non fixée (0 %)</translation>
        </message>
        <message>
            <source>Constant share</source>
            <translation>Part constante</translation>
        </message>
        <message>
            <source>Related share (start)</source>
            <translation>Part connexe (départ)</translation>
        </message>
        <message>
            <source>Related target share</source>
            <translation>Part connexe visée</translation>
        </message>
        <message>
            <source>Related target year</source>
            <translation>Année visée (connexe)</translation>
        </message>
        <message>
            <source>P&amp;olicy:</source>
            <translation>Politiq&amp;ue :</translation>
        </message>
        <message>
            <source>Target:</source>
            <translation>O&amp;bjectif :</translation>
        </message>
        <message>
            <source>B&amp;y year:</source>
            <translation>Échéance :</translation>
        </message>
        <message>
            <source>Targets (% of GDP)</source>
            <translation>Objectifs (% du PIB)</translation>
        </message>
        <message>
            <source>Core target</source>
            <translation>Objectif essentiel</translation>
        </message>
        <message>
            <source>Total target</source>
            <translation>Objectif total</translation>
        </message>
        <message>
            <source>How the core defence budget moves after the base year</source>
            <translation>Évolution du budget de défense essentielle après l'année de base</translation>
        </message>
        <message>
            <source>Core budget growth, % a year (nominal, or real after the deflator)</source>
            <translation>Croissance du budget de défense, % par an (nominale, ou réelle après le déflateur)</translation>
        </message>
        <message>
            <source>Share of GDP the core budget holds, % of GDP (lowest value: the base-year share)</source>
            <translation>Part du PIB que le budget de défense maintient, % du PIB (valeur minimale : la part de l'année de base)</translation>
        </message>
        <message>
            <source>Last year the budget grows at this rate; after it the share reached is held</source>
            <translation>Dernière année de croissance à ce taux ; ensuite la part atteinte est maintenue</translation>
        </message>
        <message>
            <source>Core share the ramp reaches, % of GDP; an ally above it keeps its share (a ramp never cuts: to cut, hold a lower share or type the amounts)</source>
            <translation>Part essentielle atteinte par la montée, % du PIB ; un Allié au-dessus garde sa part (une montée ne réduit jamais : pour réduire, maintenez une part plus basse ou saisissez les montants)</translation>
        </message>
        <message>
            <source>Year the ramp reaches its target; the share holds after it</source>
            <translation>Année où la montée atteint son objectif ; la part est maintenue ensuite</translation>
        </message>
        <message>
            <source>Defence- and security-related spending (the 1.5% track): a user assumption</source>
            <translation>Dépenses liées à la défense et à la sécurité (volet de 1,5 %) : hypothèse de l'utilisateur</translation>
        </message>
        <message>
            <source>Related spending held, or where the ramp starts, % of GDP</source>
            <translation>Dépenses connexes maintenues, ou point de départ de la montée, % du PIB</translation>
        </message>
        <message>
            <source>Related spending the ramp reaches, % of GDP (the Hague: up to 1.5%)</source>
            <translation>Dépenses connexes atteintes par la montée, % du PIB (La Haye : jusqu'à 1,5 %)</translation>
        </message>
        <message>
            <source>Year the related ramp reaches its target</source>
            <translation>Année où la montée connexe atteint son objectif</translation>
        </message>
        <message>
            <source>The ally's core defence target, % of GDP (the Hague: 3.5%)</source>
            <translation>Objectif de défense essentielle de l'Allié, % du PIB (La Haye : 3,5 %)</translation>
        </message>
        <message>
            <source>The ally's total target, core plus related, % of GDP (the Hague: 5%)</source>
            <translation>Objectif total de l'Allié, essentielle plus connexe, % du PIB (La Haye : 5 %)</translation>
        </message>
        <message>
            <source>Select an ally to edit its policy</source>
            <translation>Sélectionnez un Allié pour modifier sa politique</translation>
        </message>
        <message>
            <source>%1: no armed forces, no target path</source>
            <translation>%1 : pas de forces armées, pas de trajectoire visée</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityModel</name>
        <message>
            <source>Ally</source>
            <extracomment>Band opacity (0-255): the outer p10–p90 band lighter than the inner p25–p75 band. Progress reports per run (the chunk size never changes the numbers).</extracomment>
            <translation>Allié</translation>
        </message>
        <message>
            <source>Core %1
p10–p90 (% GDP)</source>
            <translation>Essentielle %1
p10–p90 (% PIB)</translation>
        </message>
        <message>
            <source>Core share at the horizon: 10th and 90th percentile of the draws, % of GDP</source>
            <translation>Part essentielle à l'horizon : 10e et 90e centiles des tirages, % du PIB</translation>
        </message>
        <message>
            <source>Core target
(% GDP)</source>
            <translation>Objectif essentiel
(% PIB)</translation>
        </message>
        <message>
            <source>The ally's core target, % of GDP</source>
            <translation>Objectif essentiel de l'Allié, % du PIB</translation>
        </message>
        <message>
            <source>P(core ≥ target)
(%)</source>
            <translation>P(essentielle ≥ objectif)
(%)</translation>
        </message>
        <message>
            <source>Share of draws meeting the core target at the horizon, %</source>
            <translation>Part des tirages qui atteignent l'objectif essentiel à l'horizon, %</translation>
        </message>
        <message>
            <source>Total target
(% GDP)</source>
            <translation>Objectif total
(% PIB)</translation>
        </message>
        <message>
            <source>The ally's total target (core + related), % of GDP</source>
            <translation>Objectif total de l'Allié (essentielle + connexe), % du PIB</translation>
        </message>
        <message>
            <source>P(total ≥ target)
(%)</source>
            <translation>P(total ≥ objectif)
(%)</translation>
        </message>
        <message>
            <source>Share of draws meeting the total target at the horizon, %</source>
            <translation>Part des tirages qui atteignent l'objectif total à l'horizon, %</translation>
        </message>
        <message>
            <source>Median %1</source>
            <translation>Médiane %1</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <source>Cancel</source>
            <extracomment>A quick job finishes without a progress dialog flashing up (milliseconds). Seconds a computing thread may hold the interpreter lock before the window's thread gets it (Python's default is 0.005).</extracomment>
            <translation>Annuler</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <extracomment>Number locale of each interface language. Strings Qt's own widgets show that the ``qtbase_fr.qm`` shipped with PySide6 does not translate yet (Qt added the mnemonics after its translators' last pass); natoplanner's translation file supplies them, in Qt's contexts.</extracomment>
            <translation>&amp;Voir dans :</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Fichiers de &amp;type :</translation>
        </message>
    </context>
    <context>
        <name>RankingChart</name>
        <message>
            <source>Ranking of allies by share of GDP</source>
            <extracomment>Bar colours by band (below 2%, 2% to the core target, at or above): the same red / amber / green reading as the allies table, at full strength.</extracomment>
            <translation>Classement des Alliés par part du PIB</translation>
        </message>
        <message>
            <source>projection</source>
            <translation>projection</translation>
        </message>
        <message>
            <source>NATO published</source>
            <translation>Publié par l'OTAN</translation>
        </message>
        <message>
            <source>Core + related, % of GDP, %1 (%2)</source>
            <translation>Essentielle + connexe, % du PIB, %1 (%2)</translation>
        </message>
        <message>
            <source>Core defence, % of GDP, %1 (%2)</source>
            <translation>Défense essentielle, % du PIB, %1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>ReferenceCurves</name>
        <message>
            <source>%1: %2 in %3 (another source's definition, not NATO's)</source>
            <translation>%1 : %2 en %3 (définition d'une autre source, pas celle de l'OTAN)</translation>
        </message>
        <message>
            <source>Reference series definitions</source>
            <translation>Définitions des séries de référence</translation>
        </message>
        <message>
            <source>Reference series (not NATO's figures): %1</source>
            <translation>Séries de référence (pas les chiffres de l'OTAN) : %1</translation>
        </message>
    </context>
    <context>
        <name>ReportExporter</name>
        <message>
            <source>&amp;Briefing report (PDF)…</source>
            <translation>&amp;Note de synthèse (PDF)…</translation>
        </message>
        <message>
            <source>Write an A4 briefing: assumptions, alliance figures, charts, summary table</source>
            <translation>Rédiger une note A4 : hypothèses, chiffres de l'Alliance, graphiques, tableau récapitulatif</translation>
        </message>
        <message>
            <source>Briefing report written: %1 (%2 pages)</source>
            <translation>Note de synthèse écrite : %1 (%2 pages)</translation>
        </message>
        <message>
            <source>Writing the briefing report</source>
            <translation>Rédaction de la note de synthèse</translation>
        </message>
    </context>
    <context>
        <name>RevisionsModel</name>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>Spread, pp</source>
            <translation>Écart, pts</translation>
        </message>
        <message>
            <source>Year the figure is for</source>
            <translation>Année du chiffre</translation>
        </message>
        <message>
            <source>Highest minus lowest published share for the year, percentage points</source>
            <translation>Part publiée la plus haute moins la plus basse pour l'année, points de pourcentage</translation>
        </message>
        <message>
            <source> — published %1; % of GDP</source>
            <translation> — publié en %1 ; % du PIB</translation>
        </message>
        <message>
            <source>Not published in this edition</source>
            <translation>Non publié dans cette édition</translation>
        </message>
        <message>
            <source>%1 for %2: %3%4</source>
            <translation>%1 pour %2 : %3%4</translation>
        </message>
        <message>
            <source> (estimate)</source>
            <translation> (estimation)</translation>
        </message>
        <message>
            <source>Change from the previous publication: %1 pp</source>
            <translation>Variation depuis la publication précédente : %1 pt</translation>
        </message>
        <message>
            <source>Source: %1</source>
            <translation>Source : %1</translation>
        </message>
    </context>
    <context>
        <name>RevisionsPanel</name>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>NATO editions only (drop the Secretary General's reports, rounded to 0.1)</source>
            <translation>Éditions de l'OTAN seulement (sans les rapports du Secrétaire général, arrondis à 0,1)</translation>
        </message>
        <message>
            <source>Published shares by edition</source>
            <translation>Parts publiées par édition</translation>
        </message>
        <message>
            <source>Core defence, % of GDP (as published)</source>
            <translation>Défense essentielle, % du PIB (tel que publié)</translation>
        </message>
        <message>
            <source>Year the figure is for</source>
            <translation>Année du chiffre</translation>
        </message>
        <message>
            <source>“e”: NATO estimate at the time. Each line is one publication; where lines part, NATO revised its figure.</source>
            <translation>« e » : estimation de l'OTAN à l'époque. Chaque ligne est une publication ; là où les lignes divergent, l'OTAN a révisé son chiffre.</translation>
        </message>
        <message>
            <source>Ally:</source>
            <translation>Allié :</translation>
        </message>
    </context>
    <context>
        <name>ScenarioDocument</name>
        <message>
            <source>Default scenario</source>
            <extracomment>Undo history cap (glue's MAX_UNDO idea): enough for a long session.</extracomment>
            <translation>Scénario par défaut</translation>
        </message>
        <message>
            <source>%1 (unsaved)</source>
            <translation>%1 (non enregistré)</translation>
        </message>
    </context>
    <context>
        <name>SetFiscalRules</name>
        <message>
            <source>Set escape clause: %1</source>
            <translation>clause dérogatoire : %1</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Year editor: next or previous cell; elsewhere: next or previous field</source>
            <extracomment>Keys that belong to widgets rather than menu actions: (keys, what they do).</extracomment>
            <translation>Éditeur des années : cellule suivante ou précédente ; ailleurs : champ suivant ou précédent</translation>
        </message>
        <message>
            <source>Leave the year editor (next or previous field)</source>
            <translation>Quitter l'éditeur des années (champ suivant ou précédent)</translation>
        </message>
        <message>
            <source>Year editor: clear the selected overrides</source>
            <translation>Éditeur des années : effacer les valeurs saisies sélectionnées</translation>
        </message>
        <message>
            <source>Year editor: type a value into the current cell (Return keeps it, Escape drops it)</source>
            <translation>Éditeur des années : saisir une valeur dans la cellule courante (Entrée la garde, Échap l'abandonne)</translation>
        </message>
        <message>
            <source>With a click in the allies table: select several allies</source>
            <translation>Avec un clic dans le tableau des Alliés : sélectionner plusieurs Alliés</translation>
        </message>
        <message>
            <source>With the underlined letter of a menu or field name: open or go to it</source>
            <translation>Avec la lettre soulignée d'un menu ou d'un champ : l'ouvrir ou s'y rendre</translation>
        </message>
        <message>
            <source>In the window</source>
            <translation>Dans la fenêtre</translation>
        </message>
    </context>
    <context>
        <name>SourcesDialog</name>
        <message>
            <source>Data sources</source>
            <translation>Sources des données</translation>
        </message>
        <message>
            <source>Data vintages and reference series</source>
            <translation>Éditions de données et séries de référence</translation>
        </message>
        <message>
            <source>Vintages are releases of NATO's tables and the IMF's forecasts; reference series are history from other sources (SIPRI, World Bank, national outturns), drawn beside NATO's and never mixed into it.</source>
            <translation>Les éditions sont les publications des tableaux de l'OTAN et des prévisions du FMI ; les séries de référence sont l'historique d'autres sources (SIPRI, Banque mondiale, exécutions nationales), tracé à côté de celui de l'OTAN et jamais mêlé à lui.</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importer…</translation>
        </message>
        <message>
            <source>&amp;Use</source>
            <translation>&amp;Utiliser</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>Import a data source</source>
            <translation>Importer une source de données</translation>
        </message>
        <message>
            <source>%1 is not a NATO edition, an IMF WEO file or a reference series; use File &gt; Import for scenario inputs.</source>
            <translation>%1 n'est ni une édition de l'OTAN, ni un fichier des Perspectives du FMI, ni une série de référence ; utilisez Fichier &gt; Importer pour les hypothèses d'un scénario.</translation>
        </message>
    </context>
    <context>
        <name>SourcesModel</name>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>Utilisée</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Released</source>
            <translation>Publiée</translation>
        </message>
        <message>
            <source>Cut-off</source>
            <translation>Date d'arrêt</translation>
        </message>
        <message>
            <source>Provenance</source>
            <translation>Provenance</translation>
        </message>
        <message>
            <source>NATO edition</source>
            <extracomment>VintageKind values, marked for Qt Linguist.</extracomment>
            <translation>édition de l'OTAN</translation>
        </message>
        <message>
            <source>IMF WEO</source>
            <translation>Perspectives du FMI</translation>
        </message>
        <message>
            <source>user figures</source>
            <translation>chiffres de l'utilisateur</translation>
        </message>
        <message>
            <source>reference series (%1)</source>
            <translation>série de référence (%1)</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
    </context>
    <context>
        <name>SplitChart</name>
        <message>
            <source>United States and Europe plus Canada over time</source>
            <translation>États-Unis et Europe plus Canada dans le temps</translation>
        </message>
        <message>
            <source>Core defence, billion USD at base-year prices and exchange rates</source>
            <translation>Défense essentielle, milliards USD aux prix et taux de change de l'année de base</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Année</translation>
        </message>
        <message>
            <source>United States (stacked on top)</source>
            <translation>États-Unis (empilés au-dessus)</translation>
        </message>
        <message>
            <source>Europe and Canada</source>
            <translation>Europe et Canada</translation>
        </message>
        <message>
            <source>projection →</source>
            <translation>projection →</translation>
        </message>
        <message>
            <source>United States' share of NATO core spending: %1 in %2, %3 in %4, %5 in %6.</source>
            <translation>Part des États-Unis dans les dépenses de défense de l'OTAN : %1 en %2, %3 en %4, %5 en %6.</translation>
        </message>
    </context>
    <context>
        <name>UncertaintyDialog</name>
        <message>
            <source>Uncertainty (Monte Carlo)</source>
            <translation>Incertitude (Monte-Carlo)</translation>
        </message>
        <message>
            <source>documented forecast errors (IMF evaluation, European Commission)</source>
            <translation>erreurs de prévision documentées (évaluation du FMI, Commission européenne)</translation>
        </message>
        <message>
            <source>The IMF's revision vectors (correlated, persistent) scaled, year by year, to what published evaluations show growth forecasts miss by that many years ahead: at least %1 pp a year (√(π/2) × the European Commission's year-ahead mean absolute error, 0.86 pp, 1969–2005) and the IMF's own average miss at that horizon (IMF Independent Evaluation Office 2014, Table A2.1: up to 1.62 pp for Italy). A lower bound: see data/SOURCES.md §8.</source>
            <translation>Les vecteurs de révisions du FMI (corrélés, persistants) mis à l'échelle, année par année, de ce que les évaluations publiées montrent de l'erreur des prévisions de croissance à cet horizon : au moins %1 pt par an (√(π/2) × l'erreur absolue moyenne à un an de la Commission européenne, 0,86 pt, 1969–2005) et l'erreur moyenne du FMI lui-même à cet horizon (Bureau indépendant d'évaluation du FMI 2014, tableau A2.1 : jusqu'à 1,62 pt pour l'Italie). Une borne inférieure : voir data/SOURCES.md §8.</translation>
        </message>
        <message>
            <source>the IMF's own revisions, every WEO pair (the latest: %1 → %2)</source>
            <translation>les révisions du FMI lui-même, toutes les paires d'éditions (la dernière : %1 → %2)</translation>
        </message>
        <message>
            <source>constant</source>
            <translation>constant</translation>
        </message>
        <message>
            <source> pp</source>
            <translation> pts</translation>
        </message>
        <message>
            <source>Constant spread, percentage points</source>
            <translation>Écart constant, points de pourcentage</translation>
        </message>
        <message>
            <source>Number of draws</source>
            <translation>Nombre de tirages</translation>
        </message>
        <message>
            <source>Random seed</source>
            <translation>Graine aléatoire</translation>
        </message>
        <message>
            <source>The same seed and number of draws give the same results</source>
            <translation>La même graine et le même nombre de tirages donnent les mêmes résultats</translation>
        </message>
        <message>
            <source>also draw the deflator (CPI)</source>
            <translation>tirer aussi le déflateur (IPC)</translation>
        </message>
        <message>
            <source>Root mean square of each ally's yearly shock to real GDP growth (and to the deflator, if drawn); the shocks stay correlated across allies and persistent</source>
            <translation>Moyenne quadratique du choc annuel de chaque Allié sur la croissance réelle du PIB (et sur le déflateur, s'il est tiré) ; les chocs restent corrélés entre Alliés et persistants</translation>
        </message>
        <message>
            <source>Whole vectors of the 32 allies' revisions, bootstrapped: a bad year for one ally is a bad year for most, as in the data. A six-month revision understates the full forecast error: narrower than the documented errors for most allies.</source>
            <translation>Vecteurs entiers des révisions des 32 Alliés, rééchantillonnés : une mauvaise année pour un Allié l'est pour la plupart, comme dans les données. Une révision à six mois sous-estime l'erreur de prévision complète : plus étroit que les erreurs documentées pour la plupart des Alliés.</translation>
        </message>
        <message>
            <source>The IMF's CPI revisions of the same vintage pair and year as the growth shock (drawn together), or the constant above</source>
            <translation>Les révisions de l'IPC par le FMI de la même paire d'éditions et de la même année que le choc de croissance (tirées ensemble), ou la constante ci-dessus</translation>
        </message>
        <message>
            <source>Model: each draw picks, year by year, one of the IMF's revision vectors (all allies together, random sign), scaled to the spread chosen above, and carries it on with persistence ρ = %1 measured in the same data, so the spread grows with the horizon; NATO's base-year share is revised as its past estimates were (2023e–2025e to the 2026 edition). Money-defined plans get a band on their share; share-defined plans (constant share, ramp) get it on the money they need. Alliance counts and shares come from the same joint draws.</source>
            <translation>Modèle : chaque tirage prend, année par année, l'un des vecteurs de révisions du FMI (tous les Alliés ensemble, signe aléatoire), mis à l'échelle de la dispersion choisie ci-dessus, et le prolonge avec une persistance ρ = %1 mesurée dans les mêmes données, de sorte que la dispersion croît avec l'horizon ; la part de l'année de base de l'OTAN est révisée comme ses estimations passées l'ont été (2023e–2025e vers l'édition 2026). Les plans définis en montants ont une bande sur leur part ; les plans définis en part (part constante, rampe) l'ont sur les montants nécessaires. Les décomptes et parts de l'Alliance viennent des mêmes tirages joints.</translation>
        </message>
        <message>
            <source>Spread of real GDP growth:</source>
            <translation>Dispersion de la croissance réelle du PIB :</translation>
        </message>
        <message>
            <source>Draws:</source>
            <translation>Tirages :</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Graine :</translation>
        </message>
        <message>
            <source>Probability of meeting the targets</source>
            <translation>Probabilité d'atteindre les objectifs</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Lancer</translation>
        </message>
        <message>
            <source>&amp;Draw fan chart</source>
            <translation>&amp;Tracer l'éventail</translation>
        </message>
        <message>
            <source>Show the bands for the allies selected in the table</source>
            <translation>Afficher les bandes pour les Alliés sélectionnés dans le tableau</translation>
        </message>
        <message>
            <source>C&amp;lear fan chart</source>
            <translation>E&amp;ffacer l'éventail</translation>
        </message>
        <message>
            <source>Running %1 draws…</source>
            <translation>%1 tirages en cours…</translation>
        </message>
        <message>
            <source>Monte Carlo</source>
            <translation>Monte-Carlo</translation>
        </message>
        <message>
            <source>&lt;b&gt;Chance of meeting the targets in %1&lt;/b&gt; (share of draws, every ally)</source>
            <translation>&lt;b&gt;Probabilité d'atteindre les objectifs en %1&lt;/b&gt; (part des tirages, chaque Allié)</translation>
        </message>
        <message>
            <source>σ = %1 pp</source>
            <translation>σ = %1 pt</translation>
        </message>
        <message>
            <source>joint draws scaled to documented forecast errors</source>
            <translation>tirages joints mis à l'échelle des erreurs de prévision documentées</translation>
        </message>
        <message>
            <source>joint draws of the IMF's revisions</source>
            <translation>tirages conjoints des révisions du FMI</translation>
        </message>
        <message>
            <source>%1 draws, seed %2, %3%4. Bands: p10–p90 (light) and p25–p75 (dark) around each selected ally's path.</source>
            <translation>%1 tirages, graine %2, %3%4. Bandes : p10–p90 (claire) et p25–p75 (foncée) autour de la trajectoire de chaque Allié sélectionné.</translation>
        </message>
        <message>
            <source>, deflator drawn</source>
            <translation>, déflateur tiré</translation>
        </message>
        <message>
            <source>The scenario changed during the run: these results are for the scenario as it was when you pressed Run. Run again for current results.</source>
            <translation>Le scénario a changé pendant le calcul : ces résultats portent sur le scénario tel qu'il était quand vous avez cliqué sur Lancer. Relancez pour des résultats à jour.</translation>
        </message>
        <message>
            <source>The Monte Carlo run failed: %1</source>
            <translation>Le calcul de Monte-Carlo a échoué : %1</translation>
        </message>
        <message>
            <source>Cancelled; no results changed.</source>
            <translation>Annulé ; aucun résultat modifié.</translation>
        </message>
        <message>
            <source>The scenario changed since this run: run again for current results.</source>
            <translation>Le scénario a changé depuis ce calcul : relancez-le pour des résultats à jour.</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>%1 (copy)</source>
            <extracomment>Makes the window for a document (``None``: the default scenario) in a workspace.</extracomment>
            <translation>%1 (copie)</translation>
        </message>
        <message>
            <source>Scenario</source>
            <translation>Scénario</translation>
        </message>
    </context>
    <context>
        <name>YearEditorModel</name>
        <message>
            <source>national currency</source>
            <extracomment>Raw float under EditRole/this role (None when the cell shows a dash). True when the cell holds a user override. Asks the user about an absurd value (True: set it); None sets nothing absurd. (row, column) → why the last value typed there was refused; shown at the cell (tint and tooltip) until a value is accepted there or the ally changes.</extracomment>
            <translation>monnaie nationale</translation>
        </message>
        <message>
            <source>Real GDP growth (%)</source>
            <translation>Croissance réelle du PIB (%)</translation>
        </message>
        <message>
            <source>Deflator (NATO implied, %)</source>
            <translation>Déflateur (implicite OTAN, %)</translation>
        </message>
        <message>
            <source>Deflator (CPI, %)</source>
            <translation>Déflateur (IPC, %)</translation>
        </message>
        <message>
            <source>Nominal GDP (bn %1)</source>
            <translation>PIB nominal (Md %1)</translation>
        </message>
        <message>
            <source>Core budget (mn %1)</source>
            <translation>Budget de défense (M %1)</translation>
        </message>
        <message>
            <source>Core share (% GDP)</source>
            <translation>Part essentielle (% PIB)</translation>
        </message>
        <message>
            <source>Related share (% GDP)</source>
            <translation>Part connexe (% PIB)</translation>
        </message>
        <message>
            <source>Total share (% GDP)</source>
            <translation>Part totale (% PIB)</translation>
        </message>
        <message>
            <source>%1 per USD</source>
            <translation>%1 pour 1 USD</translation>
        </message>
        <message>
            <source>Real GDP growth, % a year. Default: IMF WEO forecast, held flat after its last year.</source>
            <translation>Croissance réelle du PIB, % par an. Par défaut : prévision des Perspectives du FMI, maintenue après sa dernière année.</translation>
        </message>
        <message>
            <source>GDP deflator, % a year. Default: %1.</source>
            <translation>Déflateur du PIB, % par an. Par défaut : %1.</translation>
        </message>
        <message>
            <source>Nominal GDP, billion national currency. Type a value to override the growth path.</source>
            <translation>PIB nominal, milliards de monnaie nationale. Saisissez une valeur pour remplacer la trajectoire de croissance.</translation>
        </message>
        <message>
            <source>Core defence budget, million national currency (NATO definition). A typed amount overrides the policy for that year.</source>
            <translation>Budget de défense essentielle, millions de monnaie nationale (définition de l'OTAN). Un montant saisi remplace la politique pour cette année.</translation>
        </message>
        <message>
            <source>Core defence share of GDP, % (NATO basis, anchored on the published base-year share). Derived.</source>
            <translation>Part des dépenses de défense essentielles dans le PIB, % (base OTAN, ancrée sur la part publiée de l'année de base). Calculée.</translation>
        </message>
        <message>
            <source>Defence- and security-related spending, % of GDP (the 1.5% track): a user assumption.</source>
            <translation>Dépenses liées à la défense et à la sécurité, % du PIB (volet de 1,5 %) : hypothèse de l'utilisateur.</translation>
        </message>
        <message>
            <source>Core plus related, % of GDP. Derived.</source>
            <translation>Essentielle plus connexe, % du PIB. Calculée.</translation>
        </message>
        <message>
            <source>Exchange rate, national currency per US dollar, for amounts in current US dollars only (Analysis &gt; Alliance, current USD); shares and national amounts do not use it. The base year's is the rate NATO's tables imply; later years move by relative purchasing-power parity (the ally's deflator against the US deflator) from the year before, unless you type a rate.</source>
            <translation>Taux de change, monnaie nationale pour un dollar US, pour les montants en dollars courants seulement (Analyse &gt; Alliance, USD courants) ; les parts et les montants nationaux ne l'utilisent pas. Celui de l'année de base est le taux implicite des tableaux de l'OTAN ; les années suivantes évoluent selon la parité de pouvoir d'achat relative (le déflateur de l'Allié rapporté à celui des États-Unis) depuis l'année précédente, sauf si vous saisissez un taux.</translation>
        </message>
        <message>
            <source>Base year: %1 (read-only)</source>
            <translation>Année de base : %1 (lecture seule)</translation>
        </message>
        <message>
            <source>Override typed by you; press Delete to clear it.</source>
            <translation>Valeur saisie par vous ; appuyez sur Suppr pour l'effacer.</translation>
        </message>
        <message>
            <source>Read-only.</source>
            <translation>Lecture seule.</translation>
        </message>
        <message>
            <source>%1 for %2 in %3 is far from the current %4 (this tool's check). Set it anyway?</source>
            <translation>%1 pour %2 en %3 est loin de la valeur actuelle %4 (contrôle propre à cet outil). La saisir quand même ?</translation>
        </message>
    </context>
    <context>
        <name>YearEditorView</name>
        <message>
            <source>Year editor</source>
            <translation>Éditeur des années</translation>
        </message>
        <message>
            <source>Unusual value</source>
            <translation>Valeur inhabituelle</translation>
        </message>
        <message numerus="yes">
            <source>Clear %n override(s)</source>
            <translation>
                <numerusform>Effacer %n valeur saisie</numerusform>
                <numerusform>Effacer %n valeurs saisies</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BriefingReport</name>
        <message>
            <source>Done</source>
            <translation>Terminé</translation>
        </message>
        <message>
            <source>Title page</source>
            <translation>Page de titre</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Graphiques</translation>
        </message>
        <message>
            <source>Summary table</source>
            <translation>Tableau récapitulatif</translation>
        </message>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>Gap, pp</source>
            <translation>Écart, pts</translation>
        </message>
        <message>
            <source>At target</source>
            <translation>Objectif</translation>
        </message>
        <message>
            <source>Need, %/yr</source>
            <translation>Besoin, %/an</translation>
        </message>
        <message>
            <source>Budget policy</source>
            <translation>Politique budgétaire</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Trajectoire</translation>
        </message>
        <message>
            <source>Alliance</source>
            <translation>Alliance</translation>
        </message>
        <message>
            <source>Real GDP growth (%)</source>
            <translation>Croissance réelle du PIB (%)</translation>
        </message>
        <message>
            <source>GDP deflator (%)</source>
            <translation>Déflateur du PIB (%)</translation>
        </message>
        <message>
            <source>Nominal GDP (billion national currency)</source>
            <translation>PIB nominal (milliards de monnaie nationale)</translation>
        </message>
        <message>
            <source>Core budget (million national currency)</source>
            <translation>Budget de défense (millions de monnaie nationale)</translation>
        </message>
        <message>
            <source>Related spending (% of GDP)</source>
            <translation>Dépenses connexes (% du PIB)</translation>
        </message>
        <message>
            <source>Exchange rate (national currency per USD)</source>
            <translation>Taux de change (monnaie nationale pour 1 USD)</translation>
        </message>
        <message>
            <source>Defence spending: %1 (NATO, "Defence Expenditure of NATO Countries"); 2025 and 2026 are NATO estimates. Shares of GDP on NATO's basis (constant 2021 prices).</source>
            <translation>Dépenses de défense : %1 (OTAN, « Dépenses de défense des pays de l'OTAN ») ; 2025 et 2026 sont des estimations de l'OTAN. Parts du PIB sur la base de l'OTAN (prix constants de 2021).</translation>
        </message>
        <message>
            <source>GDP: %1 real growth; after the last forecast year the last values are held.</source>
            <translation>PIB : croissance réelle %1 ; après la dernière année de prévision, les dernières valeurs sont maintenues.</translation>
        </message>
        <message>
            <source>Deflator: %1.</source>
            <translation>Déflateur : %1.</translation>
        </message>
        <message>
            <source>US dollars at %1 prices and exchange rates (NATO's tables). Iceland has no armed forces. Related spending (up to 1.5% of GDP) is not published by NATO: it is an assumption of this scenario.</source>
            <translation>Dollars aux prix et taux de change de %1 (tableaux de l'OTAN). L'Islande n'a pas de forces armées. Les dépenses connexes (jusqu'à 1,5 % du PIB) ne sont pas publiées par l'OTAN : c'est une hypothèse de ce scénario.</translation>
        </message>
        <message>
            <source>No policy, target or year differs from the default scenario.</source>
            <translation>Aucune politique, aucun objectif ni aucune année ne diffère du scénario par défaut.</translation>
        </message>
        <message>
            <source>Core %1</source>
            <translation>Défense %1</translation>
        </message>
        <message>
            <source>Total %1</source>
            <translation>Total %1</translation>
        </message>
        <message>
            <source>Unless listed below, every ally holds its %1 core share of GDP and sets no related spending; targets are the Hague 3.5% core and 5% total.</source>
            <translation>Sauf indication ci-dessous, chaque Allié maintient sa part essentielle du PIB de %1 et ne fixe pas de dépenses connexes ; les objectifs sont ceux de La Haye : 3,5 % pour la défense essentielle et 5 % au total.</translation>
        </message>
        <message>
            <source>Briefing on the path to the Hague commitment · %1</source>
            <translation>Note sur la trajectoire vers l'engagement de La Haye · %1</translation>
        </message>
        <message>
            <source>Data sources and edition</source>
            <translation>Sources et édition des données</translation>
        </message>
        <message>
            <source>Assumptions in brief</source>
            <translation>Hypothèses en bref</translation>
        </message>
        <message>
            <source>Allies ranked by core share of GDP in %1</source>
            <translation>Alliés classés par part essentielle du PIB en %1</translation>
        </message>
        <message>
            <source>Summary of all allies at the horizon %1</source>
            <translation>Récapitulatif de tous les Alliés à l'horizon %1</translation>
        </message>
        <message>
            <source>no armed forces</source>
            <translation>pas de forces armées</translation>
        </message>
        <message>
            <source>met</source>
            <translation>atteint</translation>
        </message>
        <message>
            <source>Notes: %1</source>
            <translation>Notes : %1</translation>
        </message>
        <message>
            <source>core budget: %1</source>
            <translation>budget de défense : %1</translation>
        </message>
        <message>
            <source>related: %1</source>
            <translation>connexe : %1</translation>
        </message>
        <message>
            <source>NATO core defence, % of GDP</source>
            <translation>OTAN, défense essentielle, % du PIB</translation>
        </message>
        <message>
            <source>NATO core + related, % of GDP</source>
            <translation>OTAN, essentielle + connexe, % du PIB</translation>
        </message>
        <message>
            <source>NATO core spending, billion USD</source>
            <translation>OTAN, dépenses essentielles, milliards USD</translation>
        </message>
        <message>
            <source>United States, % of GDP</source>
            <translation>États-Unis, % du PIB</translation>
        </message>
        <message>
            <source>Europe and Canada, % of GDP</source>
            <translation>Europe et Canada, % du PIB</translation>
        </message>
        <message>
            <source>Allies at or above 2% core (of 31)</source>
            <translation>Alliés à 2 % ou plus (sur 31)</translation>
        </message>
        <message>
            <source>Allies at or above 3.5% core (of 31)</source>
            <translation>Alliés à 3,5 % ou plus (sur 31)</translation>
        </message>
        <message>
            <source>Allies at or above 5% total (of 31)</source>
            <translation>Alliés à 5 % ou plus au total (sur 31)</translation>
        </message>
        <message>
            <source>natoplanner · %1 · %2 · page %3</source>
            <translation>natoplanner · %1 · %2 · page %3</translation>
        </message>
        <message>
            <source>Core defence share of GDP: %1 (NATO figures to %2, then this scenario)</source>
            <translation>Part des dépenses de défense essentielles dans le PIB : %1 (chiffres de l'OTAN jusqu'en %2, puis ce scénario)</translation>
        </message>
        <message>
            <source>Core = core defence share of GDP (%); Total = core + related (%); gap in percentage points to the ally's core target; need = constant nominal budget growth (% a year) that reaches it by %1; path: three facts, no verdict (the Hague declaration sets no number): ✓/✗ %1 = the core target reached by %1 or not; 'falls' and a year = the share falls before reaching it; a%/b% = the part of the needed increase done by the 2029 review / a linear path's part; 'back-loaded' below %2 of the linear part is this tool's heuristic. Total counts related spending up to 1.5% of GDP (⚠: related above 1.5%, the excess not counted), and 5% is met only with core at its target.</source>
            <translation>Défense = part des dépenses de défense essentielles dans le PIB (%) ; Total = essentielle + connexe (%) ; écart en points de pourcentage à l'objectif essentiel de l'Allié ; besoin = croissance nominale constante du budget (% par an) qui l'atteint en %1 ; trajectoire : trois faits, pas de verdict (la déclaration de La Haye ne fixe aucun chiffre) : ✓/✗ %1 = objectif essentiel atteint en %1 ou non ; « baisse » et une année = la part baisse avant de l'atteindre ; a %/b % = part de la hausse nécessaire faite avant l'examen de 2029 / celle d'une trajectoire linéaire ; « hausse tardive » sous %2 de la part linéaire est une heuristique propre à cet outil. Le total compte les dépenses connexes jusqu'à 1,5 % du PIB (⚠ : connexes au-delà de 1,5 %, l'excédent n'est pas compté), et 5 % n'est atteint qu'avec la défense essentielle à son objectif.</translation>
        </message>
        <message>
            <source>Reference series %1 (%2), not NATO's figures: %3</source>
            <translation>Série de référence %1 (%2), pas les chiffres de l'OTAN : %3</translation>
        </message>
        <message>
            <source>own targets %1% core, %2% total</source>
            <translation>objectifs propres %1 % essentielle, %2 % total</translation>
        </message>
        <message>
            <source>Base year %1 (NATO data to %2); horizon %3; 2029 review.</source>
            <translation>Année de base %1 (données de l'OTAN jusqu'en %2) ; horizon %3 ; examen de 2029.</translation>
        </message>
        <message>
            <source>%1 typed for %2 year(s): %3</source>
            <translation>%1 saisi pour %2 année(s) : %3</translation>
        </message>
    </context>
    <context>
        <name>Uncertainty</name>
        <message>
            <source>Draw GDP growth many times: fan chart and the chance of meeting 3.5% core and 5% total</source>
            <translation>Tirer la croissance du PIB de nombreuses fois : éventail et probabilité d'atteindre 3,5 % (essentielle) et 5 % (total)</translation>
        </message>
        <message>
            <source>&amp;Uncertainty (Monte Carlo)…</source>
            <translation>&amp;Incertitude (Monte-Carlo)…</translation>
        </message>
        <message>
            <source>%1 of %2 draws</source>
            <translation>%1 tirages sur %2</translation>
        </message>
    </context>
    <context>
        <name>FileErrors</name>
        <message>
            <source>the folder “%1” does not exist: choose another folder</source>
            <translation>le dossier « %1 » n'existe pas : choisissez-en un autre</translation>
        </message>
        <message>
            <source>the disk is full: free some space or choose another drive</source>
            <translation>le disque est plein : libérez de la place ou choisissez un autre disque</translation>
        </message>
        <message>
            <source>no permission to write in “%1”: choose another folder</source>
            <translation>pas le droit d'écrire dans « %1 » : choisissez un autre dossier</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>“%1” is not a number here: the decimal separator is “%2” (write %3)</source>
            <translation>« %1 » n'est pas un nombre ici : le séparateur décimal est « %2 » (écrivez %3)</translation>
        </message>
        <message>
            <source>“%1” is ambiguous: %2 or %3? Write the decimal with “%4” and no thousands separator</source>
            <translation>« %1 » est ambigu : %2 ou %3 ? Écrivez la décimale avec « %4 » et sans séparateur de milliers</translation>
        </message>
    </context>
    <context>
        <name>Clipboard</name>
        <message>
            <source>Cannot paste</source>
            <translation>Collage impossible</translation>
        </message>
        <message>
            <source>ISO3</source>
            <translation>ISO3</translation>
        </message>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>First year at core target</source>
            <translation>Première année à l'objectif essentiel</translation>
        </message>
        <message>
            <source>Budget growth needed (% a year, nominal)</source>
            <translation>Croissance budgétaire nécessaire (% par an, nominale)</translation>
        </message>
        <message>
            <source>Path: target reached, incremental, increase by 2029 vs linear</source>
            <translation>Trajectoire : objectif atteint, progressive, hausse d'ici 2029 / linéaire</translation>
        </message>
        <message>
            <source>Budget policy</source>
            <translation>Politique budgétaire</translation>
        </message>
        <message>
            <source>The clipboard holds no cells.</source>
            <translation>Le presse-papiers ne contient aucune cellule.</translation>
        </message>
        <message>
            <source>Select an ally in the table, then the first cell to fill.</source>
            <translation>Sélectionnez un Allié dans le tableau, puis la première cellule à remplir.</translation>
        </message>
        <message>
            <source>Pasted with cells left out</source>
            <translation>Collé, avec des cellules écartées</translation>
        </message>
        <message>
            <source>Core defence %1 (% of GDP)</source>
            <translation>Défense essentielle %1 (% du PIB)</translation>
        </message>
        <message>
            <source>Total %1 (% of GDP)</source>
            <translation>Total %1 (% du PIB)</translation>
        </message>
        <message>
            <source>Gap to core target %1 (percentage points)</source>
            <translation>Écart à l'objectif essentiel %1 (points de pourcentage)</translation>
        </message>
        <message>
            <source>Copied %1 rows with a header (tab-separated)</source>
            <translation>%1 lignes copiées avec un en-tête (séparées par des tabulations)</translation>
        </message>
        <message>
            <source>%1 cells fell outside the editor and were not written.</source>
            <translation>%1 cellules tombaient hors de l'éditeur et n'ont pas été écrites.</translation>
        </message>
        <message>
            <source>Nothing was pasted: %1</source>
            <translation>Rien n'a été collé : %1</translation>
        </message>
        <message>
            <source>Paste %1 cells into %2</source>
            <translation>Coller %1 cellules dans %2</translation>
        </message>
        <message>
            <source>%1 cells fell on read-only cells and were not written: %2</source>
            <translation>%1 cellules tombaient sur des cellules en lecture seule et n'ont pas été écrites : %2</translation>
        </message>
        <message>
            <source>cell %1 → %2 %3: %4</source>
            <translation>cellule %1 → %2 %3 : %4</translation>
        </message>
    </context>
    <context>
        <name>FiscalReportPage</name>
        <message>
            <source>Ally</source>
            <translation>Allié</translation>
        </message>
        <message>
            <source>SAFE, EUR bn</source>
            <translation>SAFE, Md EUR</translation>
        </message>
        <message>
            <source>Share %1</source>
            <translation>Part %1</translation>
        </message>
        <message>
            <source>no clause</source>
            <translation>pas de clause</translation>
        </message>
        <message>
            <source>Fiscal room under the EU escape clause, %1–%2 (inside / outside, pp of GDP)</source>
            <translation>Marge budgétaire au titre de la clause dérogatoire de l'UE, %1–%2 (dans / hors clause, points de PIB)</translation>
        </message>
        <message>
            <source>Increase in the core defence share since %1, split into the part inside the national escape clause (up to %2% of GDP a year, %3–%4) and the part outside; after %4 the whole increase is outside. Core shares on NATO's definition; the EU measures defence on COFOG division 02. 'no clause': not activated for this member state. Allies outside the EU (Albania, Canada, Iceland, Montenegro, North Macedonia, Norway, Türkiye, the United Kingdom, the United States): not applicable. SAFE: the Commission's tentative loan allocation of 9 September 2025. natoplanner's reading of the Council's rule, not the Commission's assessment.</source>
            <translation>Hausse de la part de la défense essentielle depuis %1, répartie entre la part couverte par la clause dérogatoire nationale (jusqu'à %2 % du PIB par an, %3–%4) et la part hors clause ; après %4, toute la hausse est hors clause. Parts selon la définition de l'OTAN ; l'UE mesure la défense selon la division 02 de la COFOG. « pas de clause » : non activée pour cet État membre. Alliés hors UE (Albanie, Canada, Islande, Monténégro, Macédoine du Nord, Norvège, Türkiye, Royaume-Uni, États-Unis) : sans objet. SAFE : répartition provisoire des prêts par la Commission du 9 septembre 2025. Lecture de la règle du Conseil par natoplanner, non l'évaluation de la Commission.</translation>
        </message>
    </context>
    <context>
        <name>About</name>
        <message>
            <source>About natoplanner</source>
            <translation>À propos de natoplanner</translation>
        </message>
        <message>
            <source>unknown (not installed as a package)</source>
            <translation>inconnue (non installé comme paquet)</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;natoplanner %1&lt;/b&gt; — scenario planner for the Hague commitment (25 June 2025): 3.5% of GDP on core defence and 5% in total by 2035, with a review in 2029.&lt;/p&gt;&lt;p&gt;Data: %2; NATO 2025 edition for comparison; IMF World Economic Outlook April 2026, October 2025 and April 2025 (real GDP growth, CPI as the deflator).&lt;/p&gt;&lt;p&gt;Shares are on NATO's basis (constant 2021 prices), anchored on the published base-year share. Luxembourg is measured against GNI from 2023. Iceland has no armed forces. Help &amp;gt; Data sources shows every source and caveat.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;natoplanner %1&lt;/b&gt; — planification de scénarios pour l'engagement de La Haye (25 juin 2025) : 3,5 % du PIB pour la défense essentielle et 5 % au total d'ici 2035, avec un examen en 2029.&lt;/p&gt;&lt;p&gt;Données : %2 ; édition 2025 de l'OTAN pour comparaison ; FMI, Perspectives de l'économie mondiale d'avril 2026, d'octobre 2025 et d'avril 2025 (croissance réelle du PIB, IPC comme déflateur).&lt;/p&gt;&lt;p&gt;Les parts sont sur la base de l'OTAN (prix constants de 2021), ancrées sur la part publiée de l'année de base. Le Luxembourg est mesuré par rapport au RNB depuis 2023. L'Islande n'a pas de forces armées. Aide &amp;gt; Sources des données présente chaque source et chaque réserve.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>HelpWindow</name>
        <message>
            <source>The window</source>
            <translation>La fenêtre</translation>
        </message>
        <message>
            <source>The &lt;b&gt;allies table&lt;/b&gt; (left) lists the 32 allies with NATO's latest figures and where each stands at the horizon; click an ally to plot it and edit it, Ctrl+click for several. The &lt;b&gt;plot&lt;/b&gt; shows the selected allies' paths: history solid, NATO's estimates circled, the projection dashed, with the 2%, 3.5% and 5% lines, the 2029 review and the horizon. The &lt;b&gt;year editor&lt;/b&gt; (below the plot) holds one ally's measures year by year; the &lt;b&gt;policy panel&lt;/b&gt; under it sets how its budget moves. The strip at the top sums up the alliance.</source>
            <translation>Le &lt;b&gt;tableau des Alliés&lt;/b&gt; (à gauche) présente les 32 Alliés avec les derniers chiffres de l'OTAN et la position de chacun à l'horizon ; cliquez sur un Allié pour le tracer et le modifier, Ctrl+clic pour plusieurs. Le &lt;b&gt;graphique&lt;/b&gt; montre les trajectoires des Alliés sélectionnés : historique en trait plein, estimations de l'OTAN cerclées, projection en tirets, avec les lignes de 2 %, 3,5 % et 5 %, l'examen de 2029 et l'horizon. L'&lt;b&gt;éditeur des années&lt;/b&gt; (sous le graphique) contient les mesures d'un Allié année par année ; le &lt;b&gt;panneau des politiques&lt;/b&gt; en dessous fixe l'évolution de son budget. Le bandeau du haut résume l'Alliance.</translation>
        </message>
        <message>
            <source>Columns of the allies table</source>
            <translation>Colonnes du tableau des Alliés</translation>
        </message>
        <message>
            <source>Measures of the year editor</source>
            <translation>Mesures de l'éditeur des années</translation>
        </message>
        <message>
            <source>Overrides</source>
            <translation>Valeurs saisies</translation>
        </message>
        <message>
            <source>A value you type in the year editor is an &lt;b&gt;override&lt;/b&gt;: it replaces what the policy would give for that ally and year, and is shown bold on a tinted background. Delete (or Backspace) clears the selected overrides. After an override the policy continues from it: growth policies grow from the typed amount, a ramp restarts from the share the typed amount implies, a constant share returns to its level. Every edit can be undone (Ctrl+Z) and redone (Ctrl+Shift+Z or Ctrl+Y); View &amp;gt; Undo history lists them.</source>
            <translation>Une valeur saisie dans l'éditeur des années &lt;b&gt;remplace&lt;/b&gt; ce que donnerait la politique pour cet Allié et cette année ; elle apparaît en gras sur fond teinté. Suppr (ou Retour arrière) efface les valeurs saisies sélectionnées. Après une valeur saisie, la politique repart d'elle : les politiques de croissance croissent à partir du montant saisi, une montée repart de la part qu'il implique, une part constante revient à son niveau. Chaque modification peut être annulée (Ctrl+Z) et rétablie (Ctrl+Maj+Z ou Ctrl+Y) ; Affichage &amp;gt; Historique des modifications les liste.</translation>
        </message>
        <message>
            <source>Budget policies</source>
            <translation>Politiques budgétaires</translation>
        </message>
        <message>
            <source>&lt;b&gt;Constant share of GDP&lt;/b&gt;: the core budget keeps a share of GDP (by default the base-year share: today's effort, no new policy). &lt;b&gt;Ramp to target by year&lt;/b&gt;: the share moves in equal steps from the base-year share to the target in the target year and holds it after; an ally already above the target keeps its share. &lt;b&gt;Nominal growth&lt;/b&gt;: the budget grows by a fixed percentage a year in current prices. &lt;b&gt;Real growth&lt;/b&gt;: the same above the deflator. &lt;b&gt;Explicit amounts&lt;/b&gt;: the amounts you type or import; each holds until the next one.</source>
            <translation>&lt;b&gt;Part du PIB constante&lt;/b&gt; : le budget de défense essentielle garde une part du PIB (par défaut celle de l'année de base : l'effort actuel, sans nouvelle politique). &lt;b&gt;Montée vers l'objectif&lt;/b&gt; : la part évolue par pas égaux de celle de l'année de base jusqu'à l'objectif à l'échéance, puis s'y maintient ; un Allié déjà au-dessus garde sa part. &lt;b&gt;Croissance nominale&lt;/b&gt; : le budget croît d'un pourcentage fixe par an en prix courants. &lt;b&gt;Croissance réelle&lt;/b&gt; : de même, au-delà du déflateur. &lt;b&gt;Montants explicites&lt;/b&gt; : les montants saisis ou importés ; chacun vaut jusqu'au suivant.</translation>
        </message>
        <message>
            <source>The &lt;b&gt;related spending&lt;/b&gt; track (up to 1.5% of GDP: infrastructure, cyber, civil preparedness, innovation, industrial base) is a user assumption: NATO publishes no national figure for it. Related spending above 1.5% is shown but not counted. &lt;b&gt;Targets&lt;/b&gt; are set per ally (the Hague: 3.5% core, 5% total; an ally may have its own).</source>
            <translation>Le volet des &lt;b&gt;dépenses connexes&lt;/b&gt; (jusqu'à 1,5 % du PIB : infrastructures, cyber, préparation civile, innovation, base industrielle) est une hypothèse de l'utilisateur : l'OTAN ne publie aucun chiffre national. Au-delà de 1,5 %, les dépenses connexes sont affichées mais pas comptées. Les &lt;b&gt;objectifs&lt;/b&gt; sont fixés par Allié (La Haye : 3,5 % pour la défense essentielle, 5 % au total ; un Allié peut avoir les siens).</translation>
        </message>
        <message>
            <source>The Hague commitment</source>
            <translation>L'engagement de La Haye</translation>
        </message>
        <message>
            <source>The Hague summit declaration (25 June 2025) commits allies to spend 5% of GDP a year by 2035: at least 3.5% on core defence as NATO defines it, and up to 1.5% on defence- and security-related spending. Allies submit annual plans showing a credible, incremental path; the trajectory and balance are reviewed in 2029. The declaration sets no number for “credible” or “incremental”.</source>
            <translation>La déclaration du sommet de La Haye (25 juin 2025) engage les Alliés à consacrer 5 % du PIB par an d'ici 2035 : au moins 3,5 % à la défense essentielle selon la définition de l'OTAN, et jusqu'à 1,5 % aux dépenses liées à la défense et à la sécurité. Les Alliés présentent des plans annuels montrant une trajectoire crédible et progressive ; la trajectoire et l'équilibre sont examinés en 2029. La déclaration ne chiffre ni « crédible » ni « progressive ».</translation>
        </message>
        <message>
            <source>This tool's own methods and heuristics</source>
            <translation>Méthodes et heuristiques propres à cet outil</translation>
        </message>
        <message>
            <source>These are natoplanner's choices, not the declaration's text. &lt;b&gt;Shares&lt;/b&gt; are on NATO's basis (constant prices): a projected share moves from the published base-year share with the ratio of budget to GDP growth. &lt;b&gt;GDP&lt;/b&gt; grows with the IMF's real growth and CPI inflation (CPI stands in for the deflator), the last forecast year held flat. &lt;b&gt;Need %/yr&lt;/b&gt; is the constant nominal budget growth that reaches the target at the horizon. The &lt;b&gt;Path&lt;/b&gt; column is a heuristic: it reports whether the target is reached by its year, whether the share ever falls before, and how much of the increase is done by the 2029 review beside a linear path's share; hover over a flag for its reason. Alliance totals are at constant base-year prices and exchange rates, as NATO aggregates.</source>
            <translation>Ce sont des choix de natoplanner, pas le texte de la déclaration. Les &lt;b&gt;parts&lt;/b&gt; sont sur la base de l'OTAN (prix constants) : une part projetée évolue à partir de la part publiée de l'année de base selon le rapport entre la croissance du budget et celle du PIB. Le &lt;b&gt;PIB&lt;/b&gt; croît avec la croissance réelle et l'inflation IPC du FMI (l'IPC tient lieu de déflateur), la dernière année de prévision étant maintenue. &lt;b&gt;Besoin %/an&lt;/b&gt; est la croissance nominale constante du budget qui atteint l'objectif à l'horizon. La colonne &lt;b&gt;Trajectoire&lt;/b&gt; est une heuristique : elle indique si l'objectif est atteint à son échéance, si la part baisse avant, et quelle part de la hausse est faite avant l'examen de 2029 par rapport à une trajectoire linéaire ; survolez un signal pour sa raison. Les totaux de l'Alliance sont aux prix et taux de change constants de l'année de base, comme les agrégats de l'OTAN.</translation>
        </message>
        <message>
            <source>Where the data come from</source>
            <translation>D'où viennent les données</translation>
        </message>
        <message>
            <source>NATO's defence expenditure tables (2026 edition, 2014-2026; 2025 and 2026 are estimates), earlier editions for the revisions, and the IMF World Economic Outlook (April 2025, October 2025, April 2026). The Data sources tab shows every source, how it was transcribed and its caveats (Iceland, the Netherlands, Luxembourg, fiscal years).</source>
            <translation>Les tableaux des dépenses de défense de l'OTAN (édition 2026, 2014-2026 ; 2025 et 2026 sont des estimations), les éditions antérieures pour les révisions, et les Perspectives de l'économie mondiale du FMI (avril 2025, octobre 2025, avril 2026). L'onglet Sources des données présente chaque source, sa transcription et ses réserves (Islande, Pays-Bas, Luxembourg, exercices budgétaires).</translation>
        </message>
        <message>
            <source>natoplanner help</source>
            <translation>Aide de natoplanner</translation>
        </message>
        <message>
            <source>User guide</source>
            <translation>Guide de l'utilisateur</translation>
        </message>
        <message>
            <source>Data sources</source>
            <translation>Sources des données</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Guide</source>
            <translation>Guide</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Touches</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Où</translation>
        </message>
        <message>
            <source>natoplanner user guide</source>
            <translation>Guide de l'utilisateur de natoplanner</translation>
        </message>
    </context>
    <context>
        <name>WelcomePanel</name>
        <message>
            <source>Welcome</source>
            <translation>Bienvenue</translation>
        </message>
        <message>
            <source>Open the user guide</source>
            <translation>Ouvrir le guide</translation>
        </message>
        <message>
            <source>Close this panel</source>
            <translation>Masquer ce panneau</translation>
        </message>
        <message>
            <source>&lt;b&gt;Welcome to natoplanner.&lt;/b&gt; The &lt;b&gt;table&lt;/b&gt; on the left lists the 32 allies and where each stands at the horizon against the Hague targets (3.5% of GDP on core defence, 5% in total by 2035). Click allies to &lt;b&gt;plot&lt;/b&gt; their paths (Ctrl+click for several). The &lt;b&gt;year editor&lt;/b&gt; below the plot holds the selected ally's figures year by year: a value you type there is an &lt;b&gt;override&lt;/b&gt; (bold; Delete clears it), and the policy panel under it sets how the budget moves. %1 (%2 of GDP in %5) and %3 (%4) are selected to start: one above the 3.5% core target, one below. Everything can be undone (Ctrl+Z); F1 opens the user guide.</source>
            <translation>&lt;b&gt;Bienvenue dans natoplanner.&lt;/b&gt; Le &lt;b&gt;tableau&lt;/b&gt; de gauche présente les 32 Alliés et la position de chacun à l'horizon par rapport aux objectifs de La Haye (3,5 % du PIB pour la défense essentielle, 5 % au total d'ici 2035). Cliquez sur des Alliés pour &lt;b&gt;tracer&lt;/b&gt; leurs trajectoires (Ctrl+clic pour plusieurs). L'&lt;b&gt;éditeur des années&lt;/b&gt; sous le graphique contient les chiffres de l'Allié sélectionné année par année : une valeur que vous y tapez est une &lt;b&gt;valeur saisie&lt;/b&gt; (en gras ; Suppr l'efface), et le panneau des politiques en dessous fixe l'évolution du budget. %1 (%2 du PIB en %5) et %3 (%4) sont sélectionnés au départ : l'un au-dessus de l'objectif de 3,5 %, l'autre en dessous. Tout peut être annulé (Ctrl+Z) ; F1 ouvre le guide.</translation>
        </message>
    </context>
    <context>
        <name>FileGuard</name>
        <message>
            <source>File in use</source>
            <translation>Fichier en cours d'utilisation</translation>
        </message>
        <message>
            <source>Open it read-only to look without overwriting their work, or open it for editing if you know they will not save it.</source>
            <translation>Ouvrez-le en lecture seule pour le consulter sans écraser son travail, ou en modification si vous savez qu'il ne l'enregistrera pas.</translation>
        </message>
        <message>
            <source>open in another natoplanner window</source>
            <translation>ouvert dans une autre fenêtre natoplanner</translation>
        </message>
        <message>
            <source>Saving now would overwrite their work, or their next save yours.</source>
            <translation>Enregistrer maintenant écraserait son travail, ou son prochain enregistrement le vôtre.</translation>
        </message>
        <message>
            <source>File changed on disk</source>
            <translation>Fichier modifié sur le disque</translation>
        </message>
        <message>
            <source>Reload it to see their changes (yours are dropped), save yours under another name, or overwrite theirs.</source>
            <translation>Rechargez-le pour voir ses modifications (les vôtres sont abandonnées), enregistrez les vôtres sous un autre nom, ou écrasez les siennes.</translation>
        </message>
        <message>
            <source>Save would drop a colleague's additions</source>
            <translation>L'enregistrement supprimerait les ajouts d'un collègue</translation>
        </message>
        <message>
            <source>Open &amp;Read-Only</source>
            <translation>Ouvrir en &amp;lecture seule</translation>
        </message>
        <message>
            <source>Open for &amp;Editing</source>
            <translation>Ouvrir en &amp;modification</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>Enregistrer &amp;sous…</translation>
        </message>
        <message>
            <source>&amp;Overwrite</source>
            <translation>É&amp;craser</translation>
        </message>
        <message>
            <source>“%1” was changed by someone else since you opened it.</source>
            <translation>« %1 » a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert.</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>&amp;Recharger</translation>
        </message>
        <message>
            <source>Saving “%1” writes the workbook anew and drops:</source>
            <translation>Enregistrer « %1 » réécrit le classeur et supprime :</translation>
        </message>
        <message>
            <source>&amp;Save Anyway</source>
            <translation>&amp;Enregistrer quand même</translation>
        </message>
        <message>
            <source>“%1” is %2.</source>
            <translation>« %1 » est %2.</translation>
        </message>
    </context>
    <context>
        <name>Sources</name>
        <message>
            <source>Import a data source</source>
            <translation>Importer une source de données</translation>
        </message>
        <message>
            <source>Use a data vintage</source>
            <translation>Utiliser une édition de données</translation>
        </message>
        <message>
            <source>Use a NATO edition</source>
            <translation>Utiliser une édition de l'OTAN</translation>
        </message>
        <message>
            <source>Remove a data source</source>
            <translation>Retirer une source de données</translation>
        </message>
        <message>
            <source>Use this vintage anyway?</source>
            <translation>Utiliser quand même cette édition ?</translation>
        </message>
        <message>
            <source>Add reference series %1</source>
            <translation>ajout de la série de référence %1</translation>
        </message>
        <message>
            <source>Use %1 GDP forecasts</source>
            <translation>prévisions de PIB : %1</translation>
        </message>
        <message>
            <source>The scenario already uses %1.</source>
            <translation>Le scénario utilise déjà %1.</translation>
        </message>
        <message>
            <source>Use %1</source>
            <translation>utilisation de %1</translation>
        </message>
        <message>
            <source>These inputs no longer apply and were left out:</source>
            <translation>Ces hypothèses ne s'appliquent plus et ont été écartées :</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>… et %1 autres</translation>
        </message>
        <message>
            <source>Remove %1</source>
            <translation>retrait de %1</translation>
        </message>
        <message>
            <source>A vintage named %1 exists with other figures; rename the file's vintage.</source>
            <translation>Une édition nommée %1 existe avec d'autres chiffres ; renommez l'édition du fichier.</translation>
        </message>
        <message>
            <source>%1 ships with natoplanner and cannot be removed.</source>
            <translation>%1 est livrée avec natoplanner et ne peut pas être retirée.</translation>
        </message>
        <message>
            <source>The scenario uses %1: choose another vintage first.</source>
            <translation>Le scénario utilise %1 : choisissez d'abord une autre édition.</translation>
        </message>
        <message>
            <source>Move the base year from %1 to %2, the last year of %3?</source>
            <translation>Déplacer l'année de base de %1 à %2, dernière année de %3 ?</translation>
        </message>
        <message>
            <source>%1 figures differ implausibly from the current vintage (a unit or scale slip?):</source>
            <translation>%1 chiffres s'écartent de façon invraisemblable de l'édition actuelle (erreur d'unité ou d'échelle ?) :</translation>
        </message>
    </context>
    <context>
        <name>ImportReasons</name>
        <message>
            <source>empty</source>
            <translation>vide</translation>
        </message>
        <message>
            <source>not a finite number</source>
            <translation>pas un nombre fini</translation>
        </message>
        <message>
            <source>'{text}' mixes separators (decimal '{decimal}' before '{thousands}')</source>
            <translation>« {text} » mélange les séparateurs (décimale « {decimal} » avant « {thousands} »)</translation>
        </message>
        <message>
            <source>'{text}' does not fit the decimal point of this column: ',' here can only group thousands (1,234)</source>
            <translation>« {text} » ne va pas avec le point décimal de cette colonne : « , » n'y peut que séparer les milliers (1,234)</translation>
        </message>
        <message>
            <source>'{text}' does not fit the decimal comma of this column: '.' here can only group thousands (1.234)</source>
            <translation>« {text} » ne va pas avec la virgule décimale de cette colonne : « . » n'y peut que séparer les milliers (1.234)</translation>
        </message>
        <message>
            <source>'{text}' is not a number</source>
            <translation>« {text} » n'est pas un nombre</translation>
        </message>
        <message>
            <source>ambiguous: '{text}' could be {whole:g} or {point:g}, and no other cell of the column shows which separator is the decimal one; write it as {whole:g} or {point:g}</source>
            <translation>ambigu : « {text} » peut valoir {whole:g} ou {point:g}, et aucune autre cellule de la colonne ne montre quel séparateur est la décimale ; écrivez {whole:g} ou {point:g}</translation>
        </message>
        <message>
            <source>row {row} has {cells} cells but the header only {width}: {cell} '{text}' has no heading — a cell holds an unquoted separator, so the figures of this row may be shifted</source>
            <translation>la ligne {row} a {cells} cellules mais l'en-tête seulement {width} : {cell} « {text} » n'a pas d'intitulé — une cellule contient un séparateur sans guillemets, les chiffres de cette ligne peuvent donc être décalés</translation>
        </message>
        <message>
            <source>row {row} has {cells} cells where the header has {width}: no cell for {span} — a separator is missing, so the figures of this row may be shifted</source>
            <translation>la ligne {row} a {cells} cellules quand l'en-tête en a {width} : pas de cellule pour {span} — il manque un séparateur, les chiffres de cette ligne peuvent donc être décalés</translation>
        </message>
        <message>
            <source>{ally} is given again with the same figures as in {first}</source>
            <translation>{ally} figure de nouveau, avec les mêmes chiffres qu'en {first}</translation>
        </message>
        <message>
            <source>{ally} is already given in {first} with other figures; which row is right?</source>
            <translation>{ally} figure déjà en {first} avec d'autres chiffres ; quelle ligne est la bonne ?</translation>
        </message>
        <message>
            <source>'{text}' is a region or total, not a country</source>
            <translation>« {text} » est une région ou un total, pas un pays</translation>
        </message>
        <message>
            <source>'{text}' is not a NATO ally</source>
            <translation>« {text} » n'est pas un Allié de l'OTAN</translation>
        </message>
        <message>
            <source>'{text}' is not a known country; closest ally: {ally}</source>
            <translation>« {text} » n'est pas un pays connu ; Allié le plus proche : {ally}</translation>
        </message>
        <message>
            <source>'{text}' is not a known country</source>
            <translation>« {text} » n'est pas un pays connu</translation>
        </message>
        <message>
            <source>no country name in this row</source>
            <translation>pas de nom de pays dans cette ligne</translation>
        </message>
        <message>
            <source>'{text}' is not a country name</source>
            <translation>« {text} » n'est pas un nom de pays</translation>
        </message>
        <message>
            <source>the cell holds the error {error}, not a figure</source>
            <translation>la cellule contient l'erreur {error}, pas un chiffre</translation>
        </message>
        <message>
            <source>circular reference: the formula depends on itself, so its saved value is no figure</source>
            <translation>référence circulaire : la formule dépend d'elle-même, sa valeur enregistrée n'est donc pas un chiffre</translation>
        </message>
        <message>
            <source>merged with {top}: one figure spans several years or rows</source>
            <translation>fusionnée avec {top} : un seul chiffre couvre plusieurs années ou lignes</translation>
        </message>
        <message>
            <source>formula without a saved value: open and save the file in Excel or LibreOffice</source>
            <translation>formule sans valeur enregistrée : ouvrez et enregistrez le fichier dans Excel ou LibreOffice</translation>
        </message>
        <message>
            <source>no figure ('{text}')</source>
            <translation>pas de chiffre (« {text} »)</translation>
        </message>
        <message>
            <source>the year cell of this row is not a year</source>
            <translation>la cellule d'année de cette ligne n'est pas une année</translation>
        </message>
        <message>
            <source>{year} is history: scenarios take inputs for {first}–{last}</source>
            <translation>{year} relève de l'historique : les scénarios prennent des valeurs pour {first}–{last}</translation>
        </message>
        <message>
            <source>{year} is after the last projection year: scenarios take inputs for {first}–{last}</source>
            <translation>{year} est après la dernière année de projection : les scénarios prennent des valeurs pour {first}–{last}</translation>
        </message>
        <message>
            <source>Iceland has no armed forces: no projection to set</source>
            <translation>l'Islande n'a pas de forces armées : pas de projection à fixer</translation>
        </message>
        <message>
            <source>{iso3} {year} is given again, with the same figure, in {cell}</source>
            <translation>{iso3} {year} figure de nouveau, avec le même chiffre, en {cell}</translation>
        </message>
        <message>
            <source>TRUE/FALSE, expected a number</source>
            <translation>VRAI/FAUX, un nombre est attendu</translation>
        </message>
        <message>
            <source>a date ({date}), expected a number — check the cell format</source>
            <translation>une date ({date}), un nombre est attendu — vérifiez le format de la cellule</translation>
        </message>
        <message>
            <source>{pct:g}% a year is outside -100%..1000%</source>
            <translation>{pct:g} % par an est hors de -100 %..1000 %</translation>
        </message>
        <message>
            <source>{iso3} {year} is already given in {cell} with another figure ({first:g}); which is right?</source>
            <translation>{iso3} {year} figure déjà en {cell} avec un autre chiffre ({first:g}) ; lequel est le bon ?</translation>
        </message>
        <message>
            <source>negative amount {number:g}</source>
            <translation>montant négatif {number:g}</translation>
        </message>
        <message>
            <source>GDP must be positive</source>
            <translation>le PIB doit être positif</translation>
        </message>
        <message>
            <source>{pct:g}% of GDP is outside 0–100%</source>
            <translation>{pct:g} % du PIB est hors de 0–100 %</translation>
        </message>
        <message>
            <source>implausibly large budget (over 10^18 national currency)</source>
            <translation>budget invraisemblablement élevé (plus de 10^18 en monnaie nationale)</translation>
        </message>
        <message>
            <source>implausible: {number:g} read as {unit} is {value:.4g} against {ref:.4g} on the scenario's path for {iso3} {year}; it fits {fitting}: the column mixes units</source>
            <translation>invraisemblable : {number:g} lu en {unit} donne {value:.4g} contre {ref:.4g} sur la trajectoire du scénario pour {iso3} {year} ; il correspond à {fitting} : la colonne mélange les unités</translation>
        </message>
        <message>
            <source>implausible: {number:g} read as {unit} is {value:.4g} against {ref:.4g} on the scenario's path for {iso3} {year}</source>
            <translation>invraisemblable : {number:g} lu en {unit} donne {value:.4g} contre {ref:.4g} sur la trajectoire du scénario pour {iso3} {year}</translation>
        </message>
        <message>
            <source>{odd} of {checked} figures read as {unit} are far from the scenario's path for their ally (e.g. {iso3} {year}: {value:.4g} against {ref:.4g}, this tool's 10× heuristic); they look like {likely}</source>
            <translation>{odd} chiffres sur {checked} lus en {unit} sont loin de la trajectoire du scénario pour leur Allié (p. ex. {iso3} {year} : {value:.4g} contre {ref:.4g}, heuristique ×10 propre à cet outil) ; ils ressemblent à des {likely}</translation>
        </message>
        <message>
            <source>{odd} of {checked} figures read as {unit} are far from the scenario's path for their ally (e.g. {iso3} {year}: {value:.4g} against {ref:.4g}, this tool's 10× heuristic)</source>
            <translation>{odd} chiffres sur {checked} lus en {unit} sont loin de la trajectoire du scénario pour leur Allié (p. ex. {iso3} {year} : {value:.4g} contre {ref:.4g}, heuristique ×10 propre à cet outil)</translation>
        </message>
        <message>
            <source>check this figure: {number:g} read as {unit} is {value:.4g} against {ref:.4g} on the scenario's path for {iso3} {year} (this tool's heuristic)</source>
            <translation>vérifiez ce chiffre : {number:g} lu en {unit} donne {value:.4g} contre {ref:.4g} sur la trajectoire du scénario pour {iso3} {year} (heuristique propre à cet outil)</translation>
        </message>
    </context>
</TS>
