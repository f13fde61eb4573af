<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The organizer will be in this language the next time you open it. Close it and open it again to change now.</source>
        <translation>El organizador estará en este idioma la próxima vez que lo abra. Si quiere el cambio ahora, ciérrelo y vuelva a abrirlo.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>El mismo que el del sistema</translation>
    </message>
</context>
</TS>
