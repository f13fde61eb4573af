<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CaseRecords</name>
    <message numerus="yes">
        <source>%n record(s) are</source>
        <translation>
            <numerusform>%n record is</numerusform>
            <numerusform>%n records are</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiscDialog</name>
    <message numerus="yes">
        <source>%n study(ies)</source>
        <translation>
            <numerusform>%n studyy</numerusform>
            <numerusform>%n studies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n item(s) will be added</source>
        <translation>
            <numerusform>%n item will be added</numerusform>
            <numerusform>%n items will be added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The packet is ready: {pages} pages, %n enclosure(s). Save it, open it or print it.</source>
        <translation>
            <numerusform>The packet is ready: {pages} pages, %n enclosure. Save it, open it or print it.</numerusform>
            <numerusform>The packet is ready: {pages} pages, %n enclosures. Save it, open it or print it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%n file(s) could not be included&lt;/b&gt; (each is listed in the packet&apos;s index):&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%n file could not be included&lt;/b&gt; (each is listed in the packet&apos;s index):&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%n files could not be included&lt;/b&gt; (each is listed in the packet&apos;s index):&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintoutsDialog</name>
    <message numerus="yes">
        <source>Ready: the {what}, %n page(s). Save it, open it or print it.</source>
        <translation>
            <numerusform>Ready: the {what}, %n page. Save it, open it or print it.</numerusform>
            <numerusform>Ready: the {what}, %n pages. Save it, open it or print it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text of %n file(s) can now be found with Search (Ctrl+F).</source>
        <translation>
            <numerusform>The text of %n file can now be found with Search (Ctrl+F).</numerusform>
            <numerusform>The text of %n files can now be found with Search (Ctrl+F).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message numerus="yes">
        <source>%n value(s) shown.</source>
        <translation>
            <numerusform>%n value shown.</numerusform>
            <numerusform>%n values shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not a number, not drawn: {skipped}.</source>
        <translation>
            <numerusform>%n value is not a number and is not drawn: {skipped}.</numerusform>
            <numerusform>%n values are not numbers and are not drawn: {skipped}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanTextPanel</name>
    <message numerus="yes">
        <source>%n page(s) read. Reading can mistake letters and numbers.</source>
        <translation>
            <numerusform>%n page read. Reading can mistake letters and numbers.</numerusform>
            <numerusform>%n pages read. Reading can mistake letters and numbers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartersDialog</name>
    <message numerus="yes">
        <source>%n question(s) shown</source>
        <translation>
            <numerusform>%n question shown</numerusform>
            <numerusform>%n questions shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n question(s) to this case.</source>
        <translation>
            <numerusform>Added %n question to this case.</numerusform>
            <numerusform>Added %n questions to this case.</numerusform>
        </translation>
    </message>
</context>
</TS>
