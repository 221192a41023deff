<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Import files, folders or zips (or drop them on the window)</source>
        <translation>Dateien, Ordner oder Zip-Archive importieren (oder auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Import every page in a folder and its subfolders</source>
        <translation>Jede Seite eines Ordners und seiner Unterordner importieren</translation>
    </message>
    <message>
        <source>&amp;Export packet…</source>
        <translation>Paket &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export the listed documents as a briefing packet</source>
        <translation>Die aufgelisteten Dokumente als Briefing-Paket exportieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close Triage (every decision is already saved)</source>
        <translation>Triage schließen (jede Entscheidung ist bereits gespeichert)</translation>
    </message>
    <message>
        <source>&amp;Undo last decision</source>
        <translation>Letzte Entscheidung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Undo the last triage decision</source>
        <translation>Die letzte Triage-Entscheidung rückgängig machen</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Go to the search box</source>
        <translation>Zum Suchfeld gehen</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Select every listed document</source>
        <translation>Alle aufgelisteten Dokumente auswählen</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Show every document again</source>
        <translation>Wieder alle Dokumente zeigen</translation>
    </message>
    <message>
        <source>Show &amp;reader</source>
        <translation>&amp;Leseansicht zeigen</translation>
    </message>
    <message>
        <source>Show or hide the reader beside the list</source>
        <translation>Die Leseansicht neben der Liste zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>&amp;Relevant</source>
        <translation>&amp;Relevant</translation>
    </message>
    <message>
        <source>Mark the selected documents relevant</source>
        <translation>Die ausgewählten Dokumente als relevant markieren</translation>
    </message>
    <message>
        <source>&amp;Maybe</source>
        <translation>&amp;Vielleicht</translation>
    </message>
    <message>
        <source>Mark the selected documents maybe</source>
        <translation>Die ausgewählten Dokumente als vielleicht relevant markieren</translation>
    </message>
    <message>
        <source>&amp;Not relevant</source>
        <translation>&amp;Nicht relevant</translation>
    </message>
    <message>
        <source>Mark the selected documents not relevant</source>
        <translation>Die ausgewählten Dokumente als nicht relevant markieren</translation>
    </message>
    <message>
        <source>&amp;Unreviewed</source>
        <translation>&amp;Ungeprüft</translation>
    </message>
    <message>
        <source>Mark the selected documents unreviewed again</source>
        <translation>Die ausgewählten Dokumente wieder als ungeprüft markieren</translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation>Mit &amp;Stern</translation>
    </message>
    <message>
        <source>Star or unstar the selected documents</source>
        <translation>Die ausgewählten Dokumente mit einem Stern versehen oder ihn entfernen</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>&amp;Schlagwörter…</translation>
    </message>
    <message>
        <source>Edit the tags of the selected documents</source>
        <translation>Die Schlagwörter der ausgewählten Dokumente bearbeiten</translation>
    </message>
    <message>
        <source>N&amp;ote…</source>
        <translation>N&amp;otiz…</translation>
    </message>
    <message>
        <source>Write a note on the selected documents</source>
        <translation>Eine Notiz zu den ausgewählten Dokumenten schreiben</translation>
    </message>
    <message>
        <source>&amp;What changed…</source>
        <translation>Was hat sich &amp;geändert…</translation>
    </message>
    <message>
        <source>Compare with another capture of the URL, the cluster&apos;s representative, or the other selected document</source>
        <translation>Mit einer anderen Aufnahme der URL, dem Vertreter des Clusters oder dem anderen gewählten Dokument vergleichen</translation>
    </message>
    <message>
        <source>Decisions apply to &amp;copies</source>
        <translation>Entscheidungen gelten für &amp;Kopien</translation>
    </message>
    <message>
        <source>Relevance and star also go to every near-identical copy (one undo undoes all)</source>
        <translation>Relevanz und Stern gehen auch an jede fast gleiche Kopie (ein Rückgängig macht alles rückgängig)</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>Show the current document&apos;s audit log, with where each change came from</source>
        <translation>Das Änderungsprotokoll des aktuellen Dokuments zeigen, mit der Herkunft jeder Änderung</translation>
    </message>
    <message>
        <source>Ne&amp;xt document</source>
        <translation>&amp;Nächstes Dokument</translation>
    </message>
    <message>
        <source>Go to the next document in the list</source>
        <translation>Zum nächsten Dokument der Liste gehen</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>&amp;Vorheriges Dokument</translation>
    </message>
    <message>
        <source>Go to the previous document in the list</source>
        <translation>Zum vorherigen Dokument der Liste gehen</translation>
    </message>
    <message>
        <source>Next un&amp;reviewed</source>
        <translation>Nächstes &amp;ungeprüftes</translation>
    </message>
    <message>
        <source>Go to the next unreviewed document</source>
        <translation>Zum nächsten ungeprüften Dokument gehen</translation>
    </message>
    <message>
        <source>Re&amp;move from library…</source>
        <translation>Aus der Bibliothek &amp;entfernen…</translation>
    </message>
    <message>
        <source>Remove the selected documents from the library (asks first; Ctrl+Z brings them back)</source>
        <translation>Die ausgewählten Dokumente aus der Bibliothek entfernen (fragt vorher; Strg+Z holt sie zurück)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Show every keyboard shortcut</source>
        <translation>Alle Tastenkürzel zeigen</translation>
    </message>
    <message>
        <source>&amp;About Triage</source>
        <translation>Ü&amp;ber Triage</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>D&amp;okument</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Upgrading the library for this version of Triage (a backup copy is made first)…</source>
        <translation>Die Bibliothek wird für diese Version von Triage aktualisiert (zuerst wird eine Sicherungskopie angelegt)…</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation>Diesen Hinweis ausblenden</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>Triage: unexpected error</source>
        <translation>Triage: unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong inside Triage: {error}</source>
        <translation>In Triage ist etwas schiefgegangen: {error}</translation>
    </message>
    <message>
        <source>The details were saved to
{path}
</source>
        <translation>Die Einzelheiten wurden gespeichert unter
{path}
</translation>
    </message>
    <message>
        <source>The details could not be saved.
</source>
        <translation>Die Einzelheiten konnten nicht gespeichert werden.
</translation>
    </message>
    <message>
        <source>Your library is safe: every decision was saved when you made it. Please send the log file to whoever maintains Triage for you.</source>
        <translation>Ihre Bibliothek ist sicher: jede Entscheidung wurde gespeichert, als Sie sie trafen. Bitte senden Sie die Protokolldatei an die Person, die Triage für Sie betreut.</translation>
    </message>
</context>
<context>
    <name>CaptureKind</name>
    <message>
        <source>Web page</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <source>MHTML</source>
        <translation>MHTML</translation>
    </message>
    <message>
        <source>SingleFile</source>
        <translation>SingleFile</translation>
    </message>
    <message>
        <source>Safari web archive</source>
        <translation>Safari-Webarchiv</translation>
    </message>
    <message>
        <source>Text dump</source>
        <translation>Textkopie</translation>
    </message>
    <message>
        <source>Web archive</source>
        <translation>Webarchiv</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>CleanedView</name>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>indirekt</translation>
    </message>
    <message>
        <source>Quote ({kind}), speaker: {speaker}</source>
        <translation>Zitat ({kind}), Sprecher: {speaker}</translation>
    </message>
    <message>
        <source>unknown speaker</source>
        <translation>unbekannter Sprecher</translation>
    </message>
    <message>
        <source>encoding {charset}</source>
        <translation>Zeichenkodierung {charset}</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>no site, author or date recorded</source>
        <translation>keine Website, kein Autor und kein Datum erfasst</translation>
    </message>
    <message>
        <source>The cleaner kept no text from this document.</source>
        <translation>Der Bereiniger hat von diesem Dokument keinen Text behalten.</translation>
    </message>
    <message>
        <source>Cleaned text</source>
        <translation>Bereinigter Text</translation>
    </message>
    <message>
        <source>The article as the cleaner kept it, entities highlighted and quotes in italics; Tab moves between entities</source>
        <translation>Der Artikel, wie der Bereiniger ihn behalten hat, mit hervorgehobenen Entitäten und kursiven Zitaten; Tab springt von Entität zu Entität</translation>
    </message>
</context>
<context>
    <name>CopiesUi</name>
    <message>
        <source>Nothing to compare: select two documents, or one with copies or another capture.</source>
        <translation>Nichts zu vergleichen: zwei Dokumente wählen oder eines mit Kopien oder einer weiteren Aufnahme.</translation>
    </message>
    <message numerus="yes">
        <source>Show its %n copies</source>
        <translation>
            <numerusform>Seine %n Kopie zeigen</numerusform>
            <numerusform>Seine %n Kopien zeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n independent site(s)</source>
        <translation>
            <numerusform>%n unabhängige Website</numerusform>
            <numerusform>%n unabhängige Websites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>footer</source>
        <translation>Fußzeile</translation>
    </message>
    <message>
        <source>newsletter prompt</source>
        <translation>Newsletter-Aufforderung</translation>
    </message>
    <message>
        <source>related links</source>
        <translation>verwandte Links</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>share buttons</source>
        <translation>Teilen-Schaltflächen</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>Autorenzeile</translation>
    </message>
    <message>
        <source>metadata repeat</source>
        <translation>wiederholte Metadaten</translation>
    </message>
    <message>
        <source>front matter</source>
        <translation>Front Matter (als Metadaten gelesen)</translation>
    </message>
    <message>
        <source>author bio</source>
        <translation>Autorenbiografie</translation>
    </message>
    <message>
        <source>advert</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <source>title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>tag list</source>
        <translation>Schlagwortliste</translation>
    </message>
    <message>
        <source>copyright</source>
        <translation>Urheberrechtsvermerk</translation>
    </message>
    <message>
        <source>privacy links</source>
        <translation>Datenschutz-Links</translation>
    </message>
    <message>
        <source>date line</source>
        <translation>Datumszeile</translation>
    </message>
    <message>
        <source>repeated text</source>
        <translation>wiederholter Text</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>verborgen</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <source>link references</source>
        <translation>Linkverweise</translation>
    </message>
    <message>
        <source>not main content</source>
        <translation>kein Hauptinhalt</translation>
    </message>
    <message>
        <source>user override</source>
        <translation>von Hand festgelegt</translation>
    </message>
    <message>
        <source>removed by the cleaner</source>
        <translation>vom Bereiniger entfernt</translation>
    </message>
    <message>
        <source>all documents</source>
        <translation>alle Dokumente</translation>
    </message>
    <message>
        <source>no text layer</source>
        <translation>keine Textebene</translation>
    </message>
    <message>
        <source>print date</source>
        <translation>Druckdatum</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>a frameset page saved without its frames: only its &lt;noframes&gt; text is read</source>
        <translation>eine Frameset-Seite, ohne ihre Frames gespeichert: nur ihr &lt;noframes&gt;-Text wird gelesen</translation>
    </message>
    <message numerus="yes">
        <source>site template: seen on %n other page(s) of {site}</source>
        <translation>
            <numerusform>Website-Vorlage: auf %n anderen Seite von {site} gesehen</numerusform>
            <numerusform>Website-Vorlage: auf %n anderen Seiten von {site} gesehen</numerusform>
        </translation>
    </message>
    <message>
        <source>print header/footer ({pieces})</source>
        <translation>Druck-Kopf-/Fußzeile ({pieces})</translation>
    </message>
    <message>
        <source>Looking for files…</source>
        <translation>Dateien werden gesucht…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Loading the language model…</source>
        <translation>Das Sprachmodell wird geladen…</translation>
    </message>
    <message>
        <source>Nothing to annotate</source>
        <translation>Nichts zu annotieren</translation>
    </message>
    <message>
        <source>No PDF renderer: skipped briefing.pdf</source>
        <translation>Kein PDF-Renderer: briefing.pdf ausgelassen</translation>
    </message>
    <message>
        <source>Looking for files… {count} found</source>
        <translation>Dateien werden gesucht… {count} gefunden</translation>
    </message>
    <message>
        <source>Annotating {first}–{last} of {total}…</source>
        <translation>Annotiere {first}–{last} von {total}…</translation>
    </message>
    <message>
        <source>Annotated {done} of {total}</source>
        <translation>{done} von {total} annotiert</translation>
    </message>
    <message>
        <source>Wrote {name}</source>
        <translation>{name} geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>repeated on %n page(s)</source>
        <translation>
            <numerusform>auf %n Seite wiederholt</numerusform>
            <numerusform>auf %n Seiten wiederholt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n file(s)</source>
        <translation>
            <numerusform>%n Datei gefunden</numerusform>
            <numerusform>%n Dateien gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-cleaning %n document(s)</source>
        <translation>
            <numerusform>%n Dokument wird neu bereinigt</numerusform>
            <numerusform>%n Dokumente werden neu bereinigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n document(s)…</source>
        <translation>
            <numerusform>%n Dokument wird exportiert…</numerusform>
            <numerusform>%n Dokumente werden exportiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n document(s) to {name}</source>
        <translation>
            <numerusform>%n Dokument nach {name} exportiert</numerusform>
            <numerusform>%n Dokumente nach {name} exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>headline</source>
        <translation>Schlagzeile</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>Autorenzeile</translation>
    </message>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Same headline, byline and date.</source>
        <translation>Gleiche Schlagzeile, Autorenzeile und gleiches Datum.</translation>
    </message>
    <message>
        <source>What changed: #%1 and #%2</source>
        <translation>Was sich geändert hat: #%1 und #%2</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n Wort hinzugefügt</numerusform>
            <numerusform>%n Wörter hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Relevance</source>
        <translation>Relevanz</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Likely relevant</source>
        <translation>Wahrscheinlich relevant</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Kopien</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <source>How likely the relevance model finds it (0-100, a rank, not a decision); sort by it</source>
        <translation>Wie wahrscheinlich das Relevanzmodell es findet (0-100, ein Rang, keine Entscheidung); danach sortieren</translation>
    </message>
    <message>
        <source>Sort by {column}</source>
        <translation>Nach {column} sortieren</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>mit Stern</translation>
    </message>
    <message>
        <source>not starred</source>
        <translation>ohne Stern</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message numerus="yes">
        <source>%n near-identical document(s)</source>
        <translation>
            <numerusform>%n fast gleiches Dokument</numerusform>
            <numerusform>%n fast gleiche Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n independent site(s)</source>
        <translation>
            <numerusform>%n unabhängige Website</numerusform>
            <numerusform>%n unabhängige Websites</numerusform>
        </translation>
    </message>
    <message>
        <source>this one represents the cluster</source>
        <translation>dieses vertritt den Cluster</translation>
    </message>
</context>
<context>
    <name>EncodingDialog</name>
    <message>
        <source>Re-open with encoding</source>
        <translation>Mit anderer Zeichenkodierung öffnen</translation>
    </message>
    <message>
        <source>Decode the original as (now {encoding}):</source>
        <translation>Original dekodieren als (jetzt {encoding}):</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Groups (nationalities, religions, parties)</source>
        <translation>Gruppen (Nationalitäten, Religionen, Parteien)</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Geldbeträge</translation>
    </message>
    <message>
        <source>Highlight:</source>
        <translation>Hervorheben:</translation>
    </message>
    <message>
        <source>Entity highlights</source>
        <translation>Hervorhebung der Entitäten</translation>
    </message>
    <message>
        <source>Show or hide the highlights of {kind}</source>
        <translation>Hervorhebung für {kind} ein- oder ausschalten</translation>
    </message>
    <message>
        <source>Highlight {kind}</source>
        <translation>{kind} hervorheben</translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message numerus="yes">
        <source>{name} ({label}, %n doc(s))</source>
        <translation>
            <numerusform>{name} ({label}, %n Dok.)</numerusform>
            <numerusform>{name} ({label}, %n Dok.)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityPairsBar</name>
    <message>
        <source>Entities found in the same documents; click one to list the documents mentioning both</source>
        <translation>Entitäten in denselben Dokumenten; eine anklicken, um die Dokumente mit beiden zu zeigen</translation>
    </message>
    <message>
        <source>Often with %1: %2</source>
        <translation>Oft mit %1: %2</translation>
    </message>
</context>
<context>
    <name>EntitySummaryModel</name>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Nennungen</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n Nennung</numerusform>
            <numerusform>%n Nennungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityType</name>
    <message>
        <source>PERSON</source>
        <translation>PERSON</translation>
    </message>
    <message>
        <source>ORG</source>
        <translation>ORG</translation>
    </message>
    <message>
        <source>PLACE</source>
        <translation>ORT</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>DATUM</translation>
    </message>
    <message>
        <source>NORP</source>
        <translation>GRUPPE</translation>
    </message>
    <message>
        <source>MONEY</source>
        <translation>GELD</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export briefing packet</source>
        <translation>Briefing-Paket exportieren</translation>
    </message>
    <message>
        <source>Briefing {date}</source>
        <translation>Briefing {date}</translation>
    </message>
    <message>
        <source>optional, e.g. INTERNAL USE ONLY</source>
        <translation>optional, z. B. NUR FÜR DEN INTERNEN GEBRAUCH</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose where the packet is saved</source>
        <translation>Wählen, wo das Paket gespeichert wird</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Analyst:</source>
        <translation>&amp;Analyst:</translation>
    </message>
    <message>
        <source>&amp;Caveat:</source>
        <translation>&amp;Vermerk:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message numerus="yes">
        <source>The %n selected document(s)</source>
        <translation>
            <numerusform>Das ausgewählte Dokument</numerusform>
            <numerusform>Die %n ausgewählten Dokumente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n document(s) in the list ({filter})</source>
        <translation>
            <numerusform>Das eine Dokument der Liste ({filter})</numerusform>
            <numerusform>Alle %n Dokumente der Liste ({filter})</numerusform>
        </translation>
    </message>
    <message>
        <source>What goes in</source>
        <translation>Inhalt des Pakets</translation>
    </message>
    <message>
        <source>Documents in the packet</source>
        <translation>Dokumente im Paket</translation>
    </message>
    <message>
        <source>Include the original files (verbatim, for checking and re-import)</source>
        <translation>Die Originaldateien beilegen (unverändert, zum Prüfen und erneuten Importieren)</translation>
    </message>
    <message>
        <source>Include briefing.pdf</source>
        <translation>briefing.pdf beilegen</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>Save packet as</source>
        <translation>Paket speichern unter</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip-Archive (*.zip)</translation>
    </message>
    <message>
        <source>This library lives in memory only; it cannot be exported from a second thread.</source>
        <translation>Diese Bibliothek existiert nur im Arbeitsspeicher; sie kann nicht aus einem zweiten Thread exportiert werden.</translation>
    </message>
    <message>
        <source>Briefing packet</source>
        <translation>Briefing-Paket</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n document(s)…</source>
        <translation>
            <numerusform>%n Dokument wird exportiert…</numerusform>
            <numerusform>%n Dokumente werden exportiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>The export ended without a packet.</source>
        <translation>Der Export endete ohne Paket.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n document(s) to {path} ({size} KiB).</source>
        <translation>
            <numerusform>%n Dokument nach {path} exportiert ({size} KiB).</numerusform>
            <numerusform>%n Dokumente nach {path} exportiert ({size} KiB).</numerusform>
        </translation>
    </message>
    <message>
        <source>Fingerprint to send separately (SHA-256 of SHA256SUMS): {fingerprint}</source>
        <translation>Fingerabdruck zum getrennten Versand (SHA-256 von SHA256SUMS): {fingerprint}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The export failed: {error}</source>
        <translation>Der Export ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>FallbackOriginalView</name>
    <message>
        <source>remote image not loaded</source>
        <translation>entferntes Bild nicht geladen</translation>
    </message>
    <message>
        <source>Simplified view: the full page renderer (Qt WebEngine) is not available ({reason}). Scripts, styles and remote images are not shown.</source>
        <translation>Vereinfachte Ansicht: die vollständige Seitendarstellung (Qt WebEngine) ist nicht verfügbar ({reason}). Skripte, Stile und entfernte Bilder werden nicht gezeigt.</translation>
    </message>
    <message>
        <source>Original page (simplified)</source>
        <translation>Originalseite (vereinfacht)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any relevance</source>
        <translation>Jede Relevanz</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>Vielleicht</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>Nicht relevant</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Jedes Schlagwort</translation>
    </message>
    <message>
        <source>Any site</source>
        <translation>Jede Website</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Jede Art</translation>
    </message>
    <message>
        <source>Starred or not</source>
        <translation>Mit oder ohne Stern</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>Mit Stern</translation>
    </message>
    <message>
        <source>Not starred</source>
        <translation>Ohne Stern</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>&lt;b&gt;Search syntax&lt;/b&gt;&lt;br&gt;words (all must match) · &quot;an exact phrase&quot; · prefix* · word OR word · -excluded&lt;br&gt;fields: site:example.org · tag:name · relevance:maybe · star:yes · entity:&quot;Name&quot; · kind:pdf · lang:de&lt;br&gt;Press / to come here from anywhere.</source>
        <translation>&lt;b&gt;Suchsyntax&lt;/b&gt;&lt;br&gt;Wörter (alle müssen vorkommen) · &quot;genaue Wortfolge&quot; · Präfix* · Wort OR Wort · -ausgeschlossen&lt;br&gt;Felder: site:example.org · tag:Name · relevance:maybe · star:yes · entity:&quot;Name&quot; · kind:pdf · lang:de&lt;br&gt;Mit / gelangen Sie von überall hierher.</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Jede Sprache</translation>
    </message>
    <message>
        <source>Search  (words, &quot;phrase&quot;, prefix*, OR, -not, site:, tag:, entity:, lang:)   /</source>
        <translation>Suchen  (Wörter, &quot;Wortfolge&quot;, Präfix*, OR, -nicht, site:, tag:, entity:, lang:)   /</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Die Bibliothek durchsuchen</translation>
    </message>
    <message>
        <source>Words, phrases and field filters such as site: or tag:; press / to come here</source>
        <translation>Wörter, Wortfolgen und Feldfilter wie site: oder tag:; mit / gelangen Sie hierher</translation>
    </message>
    <message>
        <source>Relevance filter</source>
        <translation>Relevanzfilter</translation>
    </message>
    <message>
        <source>Show only documents with this relevance</source>
        <translation>Nur Dokumente mit dieser Relevanz zeigen</translation>
    </message>
    <message>
        <source>Star filter</source>
        <translation>Sternfilter</translation>
    </message>
    <message>
        <source>Show starred documents only, or unstarred only</source>
        <translation>Nur Dokumente mit Stern oder nur ohne Stern zeigen</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>Schlagwortfilter</translation>
    </message>
    <message>
        <source>Show only documents with this tag</source>
        <translation>Nur Dokumente mit diesem Schlagwort zeigen</translation>
    </message>
    <message>
        <source>Site filter</source>
        <translation>Websitefilter</translation>
    </message>
    <message>
        <source>Show only documents from this site</source>
        <translation>Nur Dokumente dieser Website zeigen</translation>
    </message>
    <message>
        <source>Kind filter</source>
        <translation>Filter nach Art</translation>
    </message>
    <message>
        <source>Show only documents captured this way (web page, PDF, web archive, e-mail …)</source>
        <translation>Nur Dokumente zeigen, die so erfasst wurden (Webseite, PDF, Webarchiv, E-Mail …)</translation>
    </message>
    <message>
        <source>Published from</source>
        <translation>Veröffentlicht ab</translation>
    </message>
    <message>
        <source>Dated on or after this day: the published date, else the captured date (as on the timeline)</source>
        <translation>Datiert an oder nach diesem Tag: Veröffentlichungsdatum, sonst Aufnahmedatum (wie auf der Zeitleiste)</translation>
    </message>
    <message>
        <source>Dated on or before this day: the published date, else the captured date (as on the timeline)</source>
        <translation>Datiert an oder vor diesem Tag: Veröffentlichungsdatum, sonst Aufnahmedatum (wie auf der Zeitleiste)</translation>
    </message>
    <message>
        <source>Published until</source>
        <translation>Veröffentlicht bis</translation>
    </message>
    <message>
        <source>Language filter</source>
        <translation>Sprachfilter</translation>
    </message>
    <message>
        <source>Show only documents in this language</source>
        <translation>Nur Dokumente in dieser Sprache anzeigen</translation>
    </message>
    <message>
        <source>Entity…</source>
        <translation>Entität…</translation>
    </message>
    <message>
        <source>Entity filter</source>
        <translation>Entitätsfilter</translation>
    </message>
    <message>
        <source>Show only documents mentioning this person, organisation or place</source>
        <translation>Nur Dokumente zeigen, die diese Person, Organisation oder diesen Ort nennen</translation>
    </message>
    <message>
        <source>Fold copies</source>
        <translation>Kopien zusammenfassen</translation>
    </message>
    <message>
        <source>List each cluster of near-identical documents once, by its representative</source>
        <translation>Jeden Cluster fast gleicher Dokumente nur einmal zeigen, durch seinen Vertreter</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Show every document again</source>
        <translation>Wieder alle Dokumente zeigen</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Search problem</source>
        <translation>Problem in der Suche</translation>
    </message>
    <message>
        <source>Unknown language</source>
        <translation>Unbekannte Sprache</translation>
    </message>
    <message>
        <source>search &quot;{query}&quot;</source>
        <translation>Suche &quot;{query}&quot;</translation>
    </message>
    <message>
        <source>relevance: {value}</source>
        <translation>Relevanz: {value}</translation>
    </message>
    <message>
        <source>tag: {value}</source>
        <translation>Schlagwort: {value}</translation>
    </message>
    <message>
        <source>site: {value}</source>
        <translation>Website: {value}</translation>
    </message>
    <message>
        <source>kind: {value}</source>
        <translation>Art: {value}</translation>
    </message>
    <message>
        <source>date from: {value}</source>
        <translation>Datum ab: {value}</translation>
    </message>
    <message>
        <source>date to: {value}</source>
        <translation>Datum bis: {value}</translation>
    </message>
    <message>
        <source>starred</source>
        <translation>mit Stern</translation>
    </message>
    <message>
        <source>not starred</source>
        <translation>ohne Stern</translation>
    </message>
    <message>
        <source>mentions {name}</source>
        <translation>nennt {name}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>here</source>
        <translation>hier</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>rückgängig</translation>
    </message>
    <message>
        <source>from a packet</source>
        <translation>aus einem Paket</translation>
    </message>
    <message>
        <source>removed from the library: {what}</source>
        <translation>aus der Bibliothek entfernt: {what}</translation>
    </message>
    <message>
        <source>brought back by an undo</source>
        <translation>durch Rückgängig zurückgeholt</translation>
    </message>
    <message>
        <source>No change recorded yet.</source>
        <translation>Noch keine Änderung protokolliert.</translation>
    </message>
    <message>
        <source>History of {title}</source>
        <translation>Verlauf von {title}</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Finding entities and quotes</source>
        <translation>Entitäten und Zitate werden gesucht</translation>
    </message>
    <message>
        <source>Re-cleaning with this version of the cleaner</source>
        <translation>Mit dieser Version des Bereinigers wird neu bereinigt</translation>
    </message>
    <message>
        <source>Looking for copies</source>
        <translation>Kopien werden gesucht</translation>
    </message>
    <message>
        <source>Re-cleaning pages of the same sites</source>
        <translation>Seiten derselben Websites werden neu bereinigt</translation>
    </message>
</context>
<context>
    <name>ImportLogModel</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>already in the library as #{id}</source>
        <translation>bereits in der Bibliothek als #{id}</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import cancelled: {counts}</source>
        <translation>Import abgebrochen: {counts}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>Import log</source>
        <translation>Importprotokoll</translation>
    </message>
    <message>
        <source>Copy log</source>
        <translation>Protokoll kopieren</translation>
    </message>
    <message>
        <source>Copy the import log to the clipboard</source>
        <translation>Das Importprotokoll in die Zwischenablage kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n importiert</numerusform>
            <numerusform>%n importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n Duplikat</numerusform>
            <numerusform>%n Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnownErrorDialog</name>
    <message>
        <source>Triage cannot open the library</source>
        <translation>Triage kann die Bibliothek nicht öffnen</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Triage could not finish this.</source>
        <translation>Triage konnte dies nicht abschließen.</translation>
    </message>
</context>
<context>
    <name>LibraryView</name>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>The documents that match the search and filters; 1, 2, 3 and 0 mark the selected ones</source>
        <translation>Die Dokumente, die zu Suche und Filtern passen; 1, 2, 3 und 0 markieren die ausgewählten</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;b&gt;Welcome to Triage.&lt;/b&gt; The sample pages listed here are only to explore. To add your own, drop saved pages, folders or zip archives anywhere on this window, or use &lt;b&gt;File › Import…&lt;/b&gt; (Ctrl+O).</source>
        <translation>&lt;b&gt;Willkommen bei Triage.&lt;/b&gt; Die hier aufgeführten Beispielseiten dienen nur zum Ausprobieren. Um eigene hinzuzufügen, ziehen Sie gespeicherte Seiten, Ordner oder Zip-Archive irgendwo auf dieses Fenster oder verwenden &lt;b&gt;Datei › Importieren…&lt;/b&gt; (Strg+O).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your library is empty.&lt;/b&gt; Drop saved pages (HTML, MHTML, SingleFile, text), folders or zip archives anywhere on this window, or use &lt;b&gt;File › Import…&lt;/b&gt; (Ctrl+O).</source>
        <translation>&lt;b&gt;Ihre Bibliothek ist leer.&lt;/b&gt; Ziehen Sie gespeicherte Seiten (HTML, MHTML, SingleFile, Text), Ordner oder Zip-Archive irgendwo auf dieses Fenster oder verwenden Sie &lt;b&gt;Datei › Importieren…&lt;/b&gt; (Strg+O).</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Triage toolbar</source>
        <translation>Triage-Werkzeugleiste</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>Weitere Schaltflächen der Werkzeugleiste</translation>
    </message>
    <message>
        <source>No unreviewed document in this list.</source>
        <translation>Kein ungeprüftes Dokument in dieser Liste.</translation>
    </message>
    <message>
        <source>Nothing to undo.</source>
        <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
        <source>Importing the sample pages</source>
        <translation>Die Beispielseiten werden importiert</translation>
    </message>
    <message>
        <source>Import saved pages</source>
        <translation>Gespeicherte Seiten importieren</translation>
    </message>
    <message>
        <source>Saved pages (*.html *.htm *.xhtml *.mhtml *.mht *.txt *.text *.md *.zip *.gz *.pdf *.eml *.mbox *.warc *.wacz);;All files (*)</source>
        <translation>Gespeicherte Seiten (*.html *.htm *.xhtml *.mhtml *.mht *.txt *.text *.md *.zip *.gz *.pdf *.eml *.mbox *.warc *.wacz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder of saved pages</source>
        <translation>Einen Ordner mit gespeicherten Seiten importieren</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) re-cleaned with this version of the cleaner</source>
        <translation>
            <numerusform>%n Dokument mit dieser Version des Bereinigers neu bereinigt</numerusform>
            <numerusform>%n Dokumente mit dieser Version des Bereinigers neu bereinigt</numerusform>
        </translation>
    </message>
    <message>
        <source>About Triage</source>
        <translation>Über Triage</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Triage {version}&lt;/h3&gt;&lt;p&gt;Read, mark and export saved web pages, offline.&lt;/p&gt;&lt;p&gt;Decisions are saved as you make them and recorded in the audit log.&lt;/p&gt;&lt;p&gt;MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Triage {version}&lt;/h3&gt;&lt;p&gt;Gespeicherte Webseiten offline lesen, markieren und exportieren.&lt;/p&gt;&lt;p&gt;Entscheidungen werden sofort gespeichert und im Prüfprotokoll festgehalten.&lt;/p&gt;&lt;p&gt;MIT-Lizenz.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Review these %n randomly drawn document(s); the estimate of what is left follows.</source>
        <translation>
            <numerusform>Prüfen Sie dieses %n zufällig gezogene Dokument; danach folgt die Schätzung, was übrig ist.</numerusform>
            <numerusform>Prüfen Sie diese %n zufällig gezogenen Dokumente; danach folgt die Schätzung, was übrig ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeEntityDialog</name>
    <message>
        <source>Merge entity</source>
        <translation>Entität zusammenführen</translation>
    </message>
    <message>
        <source>Merge “{name}” into:</source>
        <translation>„{name}“ zusammenführen mit:</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Note on this document:</source>
        <translation>Notiz zu diesem Dokument:</translation>
    </message>
    <message numerus="yes">
        <source>Note on each of the %n selected documents:</source>
        <translation>
            <numerusform>Notiz zum ausgewählten Dokument:</numerusform>
            <numerusform>Notiz zu jedem der %n ausgewählten Dokumente:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OriginalPane</name>
    <message>
        <source>removed: </source>
        <translation>entfernt: </translation>
    </message>
    <message>
        <source>Removed: {reason}</source>
        <translation>Entfernt: {reason}</translation>
    </message>
    <message>
        <source>TRIAGE_NO_WEBENGINE=1 is set</source>
        <translation>TRIAGE_NO_WEBENGINE=1 ist gesetzt</translation>
    </message>
    <message>
        <source>Qt WebEngine cannot be imported: {error}</source>
        <translation>Qt WebEngine kann nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>Originaltext</translation>
    </message>
    <message>
        <source>The raw text of the dump; lines the cleaner removed are greyed</source>
        <translation>Der Rohtext des Textabzugs; vom Bereiniger entfernte Zeilen sind grau</translation>
    </message>
    <message>
        <source>The original file of this document is not stored.</source>
        <translation>Die Originaldatei dieses Dokuments ist nicht gespeichert.</translation>
    </message>
    <message>
        <source>Qt cannot display this PDF; its text is in the cleaned view.</source>
        <translation>Qt kann dieses PDF nicht anzeigen; sein Text steht in der bereinigten Ansicht.</translation>
    </message>
    <message>
        <source>Original page</source>
        <translation>Originalseite</translation>
    </message>
    <message>
        <source>The saved page as it was, with removed blocks shaded</source>
        <translation>Die gespeicherte Seite im Originalzustand, entfernte Blöcke schattiert</translation>
    </message>
    <message>
        <source>the triage-doc: scheme was not registered before the application started</source>
        <translation>das Schema triage-doc: wurde nicht vor dem Programmstart registriert</translation>
    </message>
    <message>
        <source>(the web archive cannot be shown: {reason})</source>
        <translation>(das Webarchiv kann nicht angezeigt werden: {reason})</translation>
    </message>
</context>
<context>
    <name>ProgressWidget</name>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this job (what is done so far is kept)</source>
        <translation>Diesen Vorgang anhalten (das bisher Erledigte bleibt erhalten)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>teilweise</translation>
    </message>
    <message>
        <source>indirect</source>
        <translation>indirekt</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>The same words are attributed elsewhere to {names}</source>
        <translation>Dieselben Worte werden anderswo {names} zugeschrieben</translation>
    </message>
</context>
<context>
    <name>ReaderCommands</name>
    <message>
        <source>Show all documents mentioning “{name}”</source>
        <translation>Alle Dokumente zeigen, die „{name}“ nennen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>Zusammenführen mit…</translation>
    </message>
    <message>
        <source>Hide “{name}”</source>
        <translation>„{name}“ ausblenden</translation>
    </message>
    <message>
        <source>Stop highlighting and listing this entity (it can be shown again from the entity list)</source>
        <translation>Diese Entität nicht mehr hervorheben und auflisten (sie kann über die Entitätenliste wieder eingeblendet werden)</translation>
    </message>
    <message>
        <source>Change type…</source>
        <translation>Typ ändern…</translation>
    </message>
    <message>
        <source>The entity is of another kind (a person tagged as a place, ...)</source>
        <translation>Die Entität ist von anderer Art (eine Person, die als Ort markiert ist, ...)</translation>
    </message>
    <message>
        <source>Split this mention off…</source>
        <translation>Diese Erwähnung abtrennen…</translation>
    </message>
    <message>
        <source>This “{mention}” is another entity than “{name}”; its other mentions stay</source>
        <translation>Dieses „{mention}“ ist eine andere Entität als „{name}“; ihre übrigen Erwähnungen bleiben</translation>
    </message>
    <message>
        <source>Merged from: {names}</source>
        <translation>Zusammengeführt aus: {names}</translation>
    </message>
    <message>
        <source>The ways this entity is written in the library&apos;s documents</source>
        <translation>Wie diese Entität in den Dokumenten der Bibliothek geschrieben wird</translation>
    </message>
    <message>
        <source>Remove this block</source>
        <translation>Diesen Block entfernen</translation>
    </message>
    <message>
        <source>Keep this block</source>
        <translation>Diesen Block behalten</translation>
    </message>
    <message>
        <source>Remove this block on every page of {site}</source>
        <translation>Diesen Block auf jeder Seite von {site} entfernen</translation>
    </message>
    <message>
        <source>Keep this block on every page of {site}</source>
        <translation>Diesen Block auf jeder Seite von {site} behalten</translation>
    </message>
    <message>
        <source>Let the cleaner decide this block again on every page of {site}</source>
        <translation>Den Bereiniger über diesen Block auf jeder Seite von {site} wieder entscheiden lassen</translation>
    </message>
    <message>
        <source>Let the cleaner decide this block again</source>
        <translation>Den Bereiniger über diesen Block wieder entscheiden lassen</translation>
    </message>
    <message>
        <source>Forget your choice to keep or remove it; the page is cleaned again from its original</source>
        <translation>Ihre Wahl (behalten oder entfernen) vergessen; die Seite wird aus ihrem Original neu bereinigt</translation>
    </message>
    <message>
        <source>Forget your choice for the whole site; its pages with this block are cleaned again from their originals</source>
        <translation>Ihre Wahl für die ganze Website vergessen; ihre Seiten mit diesem Block werden aus ihren Originalen neu bereinigt</translation>
    </message>
    <message>
        <source>Cannot let the cleaner decide block {index} again: {reason}</source>
        <translation>Der Bereiniger kann über Block {index} nicht wieder entscheiden: {reason}</translation>
    </message>
    <message>
        <source>Re-open with encoding… (now {encoding})</source>
        <translation>Mit anderer Zeichenkodierung öffnen… (jetzt {encoding})</translation>
    </message>
    <message>
        <source>Cannot re-open #{id}: {reason}</source>
        <translation>#{id} kann nicht neu geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>Decode the original with another encoding and clean it again (recorded in the audit log)</source>
        <translation>Das Original mit einer anderen Zeichenkodierung dekodieren und neu bereinigen (wird im Prüfprotokoll vermerkt)</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Links are not followed in the original (offline reading): {url}</source>
        <translation>Links im Original werden nicht verfolgt (Offline-Lesen): {url}</translation>
    </message>
    <message>
        <source>Show &amp;Original</source>
        <translation>&amp;Original zeigen</translation>
    </message>
    <message>
        <source>Show &amp;Cleaned Text</source>
        <translation>&amp;Bereinigten Text zeigen</translation>
    </message>
    <message>
        <source>Show &amp;Entities and Quotes</source>
        <translation>&amp;Entitäten und Zitate zeigen</translation>
    </message>
    <message>
        <source>Why this document ranks here</source>
        <translation>Warum dieses Dokument hier eingestuft ist</translation>
    </message>
    <message>
        <source>{pane} in the reader</source>
        <translation>{pane} in der Leseansicht</translation>
    </message>
    <message>
        <source>Select a document in the library to read it here.</source>
        <translation>Wählen Sie ein Dokument in der Bibliothek, um es hier zu lesen.</translation>
    </message>
    <message>
        <source>Document #{id} is no longer in the library.</source>
        <translation>Dokument #{id} ist nicht mehr in der Bibliothek.</translation>
    </message>
    <message>
        <source>Opening document #{id} ({words} words)…</source>
        <translation>Dokument #{id} wird geöffnet ({words} Wörter)…</translation>
    </message>
    <message>
        <source>Document #{id} could not be opened: {reason}</source>
        <translation>Dokument #{id} konnte nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>Finding entities and quotes…</source>
        <translation>Entitäten und Zitate werden gesucht…</translation>
    </message>
    <message>
        <source>Entities and quotes: not looked for yet in this document.</source>
        <translation>Entitäten und Zitate: in diesem Dokument noch nicht gesucht.</translation>
    </message>
    <message>
        <source>Entities are not available for {language} text.</source>
        <translation>Für Text in der Sprache {language} sind keine Entitäten verfügbar.</translation>
    </message>
    <message>
        <source>Entities could not be found: {error}</source>
        <translation>Entitäten konnten nicht gefunden werden: {error}</translation>
    </message>
    <message>
        <source>Put back a removed block</source>
        <translation>Einen entfernten Block zurückholen</translation>
    </message>
    <message numerus="yes">
        <source>%n entity mention(s)</source>
        <translation>
            <numerusform>%n Nennung einer Entität</numerusform>
            <numerusform>%n Nennungen von Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n Zitat</numerusform>
            <numerusform>%n Zitate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Relevance</name>
    <message>
        <source>Unreviewed</source>
        <translation>Ungeprüft</translation>
    </message>
    <message>
        <source>Relevant</source>
        <translation>Relevant</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>Vielleicht</translation>
    </message>
    <message>
        <source>Not relevant</source>
        <translation>Nicht relevant</translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation>ungeprüft</translation>
    </message>
    <message>
        <source>relevant</source>
        <translation>relevant</translation>
    </message>
    <message>
        <source>maybe</source>
        <translation>vielleicht</translation>
    </message>
    <message>
        <source>not relevant</source>
        <translation>nicht relevant</translation>
    </message>
</context>
<context>
    <name>RemovalUi</name>
    <message>
        <source>Remove “{title}” from the library?</source>
        <translation>„{title}“ aus der Bibliothek entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n document(s) from the library?</source>
        <translation>
            <numerusform>%n Dokument aus der Bibliothek entfernen?</numerusform>
            <numerusform>%n Dokumente aus der Bibliothek entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Aus der Bibliothek entfernen</translation>
    </message>
    <message>
        <source>Their originals, cleaned text, entities, quotes, tags, notes and decisions are deleted; Edit &gt; Undo brings them back while Triage stays open. The audit log keeps a line for each.</source>
        <translation>Originale, bereinigter Text, Entitäten, Zitate, Schlagwörter, Notizen und Entscheidungen werden gelöscht; Bearbeiten &gt; Rückgängig holt sie zurück, solange Triage geöffnet bleibt. Das Protokoll behält für jedes Dokument eine Zeile.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from the library (Ctrl+Z brings them back)</source>
        <translation>
            <numerusform>%n Dokument aus der Bibliothek entfernt (Strg+Z holt es zurück)</numerusform>
            <numerusform>%n Dokumente aus der Bibliothek entfernt (Strg+Z holt sie zurück)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from the library (too large to keep for an undo)</source>
        <translation>
            <numerusform>%n Dokument aus der Bibliothek entfernt (zu groß, um es für Rückgängig aufzubewahren)</numerusform>
            <numerusform>%n Dokumente aus der Bibliothek entfernt (zu groß, um sie für Rückgängig aufzubewahren)</numerusform>
        </translation>
    </message>
    <message>
        <source>No longer in the library (removed by another program): {ids}</source>
        <translation>Nicht mehr in der Bibliothek (von einem anderen Programm entfernt): {ids}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>RenameEntityDialog</name>
    <message>
        <source>Rename entity</source>
        <translation>Entität umbenennen</translation>
    </message>
    <message>
        <source>New name for “{name}”:</source>
        <translation>Neuer Name für „{name}“:</translation>
    </message>
</context>
<context>
    <name>RetypeEntityDialog</name>
    <message>
        <source>Change entity type</source>
        <translation>Entitätstyp ändern</translation>
    </message>
    <message>
        <source>Type of “{name}”:</source>
        <translation>Typ von „{name}“:</translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message>
        <source>Relevant found against documents reviewed</source>
        <translation>Gefundene relevante gegen geprüfte Dokumente</translation>
    </message>
    <message numerus="yes">
        <source>%n relevant found</source>
        <translation>
            <numerusform>%n relevantes gefunden</numerusform>
            <numerusform>%n relevante gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n geprüft</numerusform>
            <numerusform>%n geprüft</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Likely relevant first</source>
        <translation>Wahrscheinlich Relevantes zuerst</translation>
    </message>
    <message>
        <source>U goes to the highest-ranked unreviewed document (off: the list&apos;s order)</source>
        <translation>U springt zum am höchsten eingestuften ungeprüften Dokument (aus: Reihenfolge der Liste)</translation>
    </message>
    <message>
        <source>What am I looking for? (used until you mark something relevant)</source>
        <translation>Wonach suche ich? (gilt, bis Sie etwas als relevant markieren)</translation>
    </message>
    <message>
        <source>What am I looking for</source>
        <translation>Wonach suche ich</translation>
    </message>
    <message>
        <source>Learning from your decisions…</source>
        <translation>Lernt aus Ihren Entscheidungen…</translation>
    </message>
    <message>
        <source>Estimate of relevant documents left</source>
        <translation>Schätzung der verbleibenden relevanten Dokumente</translation>
    </message>
    <message>
        <source>Check what is left…</source>
        <translation>Prüfen, was übrig ist…</translation>
    </message>
    <message>
        <source>Draw a random sample of unreviewed documents to review; it estimates how many relevant ones are left</source>
        <translation>Eine Zufallsstichprobe ungeprüfter Dokumente zum Prüfen ziehen; sie schätzt, wie viele relevante übrig sind</translation>
    </message>
    <message>
        <source>Show sample</source>
        <translation>Stichprobe zeigen</translation>
    </message>
    <message>
        <source>List the sampled documents still to review</source>
        <translation>Die noch zu prüfenden Dokumente der Stichprobe auflisten</translation>
    </message>
    <message>
        <source>about %1 relevant left among %2 unreviewed (95% interval %3-%4)</source>
        <translation>etwa %1 relevante übrig unter %2 ungeprüften (95-%-Intervall %3-%4)</translation>
    </message>
    <message>
        <source>Every document has a decision: nothing is left to check</source>
        <translation>Jedes Dokument ist entschieden: es bleibt nichts zu prüfen</translation>
    </message>
    <message>
        <source> — the sample is old; check again</source>
        <translation> — die Stichprobe ist veraltet; erneut prüfen</translation>
    </message>
    <message numerus="yes">
        <source>Review the %n sampled document(s) still unreviewed for an estimate of what is left</source>
        <translation>
            <numerusform>Prüfen Sie das %n noch ungeprüfte Dokument der Stichprobe für eine Schätzung, was übrig ist</numerusform>
            <numerusform>Prüfen Sie die %n noch ungeprüften Dokumente der Stichprobe für eine Schätzung, was übrig ist</numerusform>
        </translation>
    </message>
    <message>
        <source>No estimate yet: check what is left with a random sample</source>
        <translation>Noch keine Schätzung: prüfen Sie mit einer Zufallsstichprobe, was übrig ist</translation>
    </message>
    <message>
        <source>Likely relevant: %1 of 100</source>
        <translation>Wahrscheinlich relevant: %1 von 100</translation>
    </message>
    <message>
        <source>because of</source>
        <translation>wegen</translation>
    </message>
</context>
<context>
    <name>ShortcutOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Press any key or click to close.</source>
        <translation>Zum Schließen eine beliebige Taste drücken oder klicken.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Annotation status</source>
        <translation>Annotationsstatus</translation>
    </message>
    <message>
        <source>Entities of this document</source>
        <translation>Entitäten dieses Dokuments</translation>
    </message>
    <message>
        <source>People, organisations and places by type with their mention counts; Enter or the menu key acts on one</source>
        <translation>Personen, Organisationen und Orte nach Typ mit der Zahl ihrer Nennungen; Eingabe oder die Menütaste wirkt auf eine davon</translation>
    </message>
    <message>
        <source>Quotes of this document</source>
        <translation>Zitate dieses Dokuments</translation>
    </message>
    <message>
        <source>Quotations with their speakers; Enter shows the quote in the cleaned text</source>
        <translation>Zitate mit ihren Sprechern; Eingabe zeigt das Zitat im bereinigten Text</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Zitate</translation>
    </message>
</context>
<context>
    <name>SplitMentionDialog</name>
    <message>
        <source>Split mention off</source>
        <translation>Erwähnung abtrennen</translation>
    </message>
    <message>
        <source>This mention, “{mention}”, stands for another entity than “{entity}”. Its name:</source>
        <translation>Diese Erwähnung, „{mention}“, steht für eine andere Entität als „{entity}“. Ihr Name:</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>{matching} of {total} · {unreviewed} unreviewed</source>
        <translation>{matching} von {total} · {unreviewed} ungeprüft</translation>
    </message>
    <message>
        <source>Documents shown</source>
        <translation>Angezeigte Dokumente</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Tags of this document, separated by commas:</source>
        <translation>Schlagwörter dieses Dokuments, durch Kommas getrennt:</translation>
    </message>
    <message numerus="yes">
        <source>Tags of the %n selected documents, separated by commas:</source>
        <translation>
            <numerusform>Schlagwörter des ausgewählten Dokuments, durch Kommas getrennt:</numerusform>
            <numerusform>Schlagwörter der %n ausgewählten Dokumente, durch Kommas getrennt:</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. sanctions, follow-up</source>
        <translation>z. B. Sanktionen, nachverfolgen</translation>
    </message>
    <message>
        <source>Tags shown are the ones all of them share; removing one removes it from all.</source>
        <translation>Gezeigt werden die Schlagwörter, die alle gemeinsam haben; wer eines entfernt, entfernt es bei allen.</translation>
    </message>
</context>
<context>
    <name>TextOriginalView</name>
    <message>
        <source>Removed: {reason}</source>
        <translation>Entfernt: {reason}</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Documents by published date (captured date when none), by decision. Drag to filter by date.</source>
        <translation>Dokumente nach Veröffentlichungsdatum (sonst Aufnahmedatum), nach Entscheidung. Ziehen filtert nach Datum.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message numerus="yes">
        <source>%n by captured date</source>
        <translation>
            <numerusform>%n nach Aufnahmedatum</numerusform>
            <numerusform>%n nach Aufnahmedatum</numerusform>
        </translation>
    </message>
    <message>
        <source>Drag to show only the documents of a date range; click to clear it.</source>
        <translation>Ziehen zeigt nur die Dokumente eines Zeitraums; ein Klick hebt das auf.</translation>
    </message>
    <message>
        <source>No dated documents</source>
        <translation>Keine datierten Dokumente</translation>
    </message>
</context>
<context>
    <name>TriageController</name>
    <message>
        <source>mark relevant</source>
        <translation>als relevant markieren</translation>
    </message>
    <message>
        <source>mark maybe</source>
        <translation>als vielleicht markieren</translation>
    </message>
    <message>
        <source>mark not relevant</source>
        <translation>als nicht relevant markieren</translation>
    </message>
    <message>
        <source>mark unreviewed</source>
        <translation>als ungeprüft markieren</translation>
    </message>
    <message>
        <source>star</source>
        <translation>Stern setzen</translation>
    </message>
    <message>
        <source>unstar</source>
        <translation>Stern entfernen</translation>
    </message>
    <message>
        <source>change tags</source>
        <translation>Schlagwörter ändern</translation>
    </message>
    <message>
        <source>change note</source>
        <translation>Notiz ändern</translation>
    </message>
    <message>
        <source>Nothing to bring back: the files were imported again since</source>
        <translation>Nichts zurückzuholen: die Dateien wurden seitdem erneut importiert</translation>
    </message>
    <message>
        <source>Undone: {what} ({count})</source>
        <translation>Rückgängig gemacht: {what} ({count})</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>Saved: {what} ({count})</source>
        <translation>Gespeichert: {what} ({count})</translation>
    </message>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n Dokument</numerusform>
            <numerusform>%n Dokumente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
</context>
</TS>
