<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CopiesUi</name>
    <message numerus="yes">
        <source>Show its %n copies</source>
        <translation>
            <numerusform>Show its %n copy</numerusform>
            <numerusform>Show its %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n independent site(s)</source>
        <translation>
            <numerusform>%n independent site</numerusform>
            <numerusform>%n independent sites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityListModel</name>
    <message numerus="yes">
        <source>{name} ({label}, %n doc(s))</source>
        <translation>
            <numerusform>{name} ({label}, %n doc)</numerusform>
            <numerusform>{name} ({label}, %n docs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntitySummaryModel</name>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The %n selected document(s)</source>
        <translation>
            <numerusform>The %n selected document</numerusform>
            <numerusform>The %n selected documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n document(s) in the list ({filter})</source>
        <translation>
            <numerusform>The %n document in the list ({filter})</numerusform>
            <numerusform>All %n documents in the list ({filter})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n document(s)…</source>
        <translation>
            <numerusform>Exporting %n document…</numerusform>
            <numerusform>Exporting %n documents…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n document(s) to {path} ({size} KiB).</source>
        <translation>
            <numerusform>Exported %n document to {path} ({size} KiB).</numerusform>
            <numerusform>Exported %n documents to {path} ({size} KiB).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message numerus="yes">
        <source>Note on each of the %n selected documents:</source>
        <translation>
            <numerusform>Note on the %n selected document:</numerusform>
            <numerusform>Note on each of the %n selected documents:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalUi</name>
    <message numerus="yes">
        <source>Remove %n document(s) from the library?</source>
        <translation>
            <numerusform>Remove %n document from the library?</numerusform>
            <numerusform>Remove %n documents from the library?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from the library (Ctrl+Z brings them back)</source>
        <translation>
            <numerusform>Removed %n document from the library (Ctrl+Z brings it back)</numerusform>
            <numerusform>Removed %n documents from the library (Ctrl+Z brings them back)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n document(s) from the library (too large to keep for an undo)</source>
        <translation>
            <numerusform>Removed %n document from the library (too large to keep for an undo)</numerusform>
            <numerusform>Removed %n documents from the library (too large to keep for an undo)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewChart</name>
    <message numerus="yes">
        <source>%n relevant found</source>
        <translation>
            <numerusform>%n relevant found</numerusform>
            <numerusform>%n relevant found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reviewed</source>
        <translation>
            <numerusform>%n reviewed</numerusform>
            <numerusform>%n reviewed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message numerus="yes">
        <source>Review the %n sampled document(s) still unreviewed for an estimate of what is left</source>
        <translation>
            <numerusform>Review the %n sampled document still unreviewed for an estimate of what is left</numerusform>
            <numerusform>Review the %n sampled documents still unreviewed for an estimate of what is left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <source>Tags of the %n selected documents, separated by commas:</source>
        <translation>
            <numerusform>Tags of the %n selected document, separated by commas:</numerusform>
            <numerusform>Tags of the %n selected documents, separated by commas:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n by captured date</source>
        <translation>
            <numerusform>%n by captured date</numerusform>
            <numerusform>%n by captured date</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message numerus="yes">
        <source>site template: seen on %n other page(s) of {site}</source>
        <translation>
            <numerusform>site template: seen on %n other page of {site}</numerusform>
            <numerusform>site template: seen on %n other pages of {site}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>repeated on %n page(s)</source>
        <translation>
            <numerusform>repeated on %n page</numerusform>
            <numerusform>repeated on %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n file(s)</source>
        <translation>
            <numerusform>Found %n file</numerusform>
            <numerusform>Found %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-cleaning %n document(s)</source>
        <translation>
            <numerusform>Re-cleaning %n document</numerusform>
            <numerusform>Re-cleaning %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n document(s)…</source>
        <translation>
            <numerusform>Exporting %n document…</numerusform>
            <numerusform>Exporting %n documents…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n document(s) to {name}</source>
        <translation>
            <numerusform>Exported %n document to {name}</numerusform>
            <numerusform>Exported %n documents to {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message numerus="yes">
        <source>%n word(s) added</source>
        <translation>
            <numerusform>%n word added</numerusform>
            <numerusform>%n words added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message numerus="yes">
        <source>%n near-identical document(s)</source>
        <translation>
            <numerusform>%n near-identical document</numerusform>
            <numerusform>%n near-identical documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n independent site(s)</source>
        <translation>
            <numerusform>%n independent site</numerusform>
            <numerusform>%n independent sites</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n imported</numerusform>
            <numerusform>%n imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n duplicate</numerusform>
            <numerusform>%n duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Review these %n randomly drawn document(s); the estimate of what is left follows.</source>
        <translation>
            <numerusform>Review this %n randomly drawn document; the estimate of what is left follows.</numerusform>
            <numerusform>Review these %n randomly drawn documents; the estimate of what is left follows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) re-cleaned with this version of the cleaner</source>
        <translation>
            <numerusform>%n document re-cleaned with this version of the cleaner</numerusform>
            <numerusform>%n documents re-cleaned with this version of the cleaner</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message numerus="yes">
        <source>%n entity mention(s)</source>
        <translation>
            <numerusform>%n entity mention</numerusform>
            <numerusform>%n entity mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TriageController</name>
    <message numerus="yes">
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
</context>
</TS>
