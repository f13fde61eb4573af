<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AttachmentPreview</name>
    <message>
        <source>Preview of the chosen file</source>
        <translation>Vista previa del archivo elegido</translation>
    </message>
    <message>
        <source>Choose a file to see it here.</source>
        <translation>Elija un archivo para verlo aquí.</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Vista previa de la imagen</translation>
    </message>
    <message>
        <source>Text of the file</source>
        <translation>Texto del archivo</translation>
    </message>
    <message>
        <source>“{filename}” is too large to show here. Use “Open in viewer” to open it with another program.</source>
        <translation>“{filename}” es demasiado grande para mostrarlo aquí. Use “Abrir en el visor” para abrirlo con otro programa.</translation>
    </message>
    <message>
        <source>“{filename}” cannot be shown here. Use “Open in viewer” to open it with another program.</source>
        <translation>“{filename}” no se puede mostrar aquí. Use “Abrir en el visor” para abrirlo con otro programa.</translation>
    </message>
    <message>
        <source>“{filename}” is kept, but this kind of file cannot be shown here. Use “Open in viewer” to open it with another program.</source>
        <translation>“{filename}” está guardado, pero este tipo de archivo no se puede mostrar aquí. Use “Abrir en el visor” para abrirlo con otro programa.</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>Vista previa del PDF</translation>
    </message>
    <message>
        <source>This PDF cannot be shown (it may be damaged or locked with a password). It is kept as it is; “Open in viewer” may still open it.</source>
        <translation>Este PDF no se puede mostrar (puede estar dañado o protegido con contraseña). Se guarda tal cual; puede que “Abrir en el visor” sí lo abra.</translation>
    </message>
</context>
<context>
    <name>BoundItemForm</name>
    <message>
        <source>Edit {label}</source>
        <translation>Editar {label}</translation>
    </message>
</context>
<context>
    <name>CalendarPopup</name>
    <message>
        <source>Calendar: choose a day</source>
        <translation>Calendario: elija un día</translation>
    </message>
</context>
<context>
    <name>CaseChecklist</name>
    <message>
        <source>%v of %m steps done</source>
        <translation>%v de %m pasos hechos</translation>
    </message>
    <message>
        <source>Checklist progress</source>
        <translation>Avance de la lista de pasos</translation>
    </message>
    <message>
        <source>Tick a step when it is done; today&apos;s date is filled in for you. Use the note for names, dates and reference numbers.</source>
        <translation>Marque un paso cuando esté hecho; la fecha de hoy se rellena sola. Use la nota para nombres, fechas y números de referencia.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Hecho el</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Tick</source>
        <translation>Marcar</translation>
    </message>
    <message>
        <source>Untick</source>
        <translation>Desmarcar</translation>
    </message>
    <message>
        <source>Edit checklist step</source>
        <translation>Editar un paso de la lista</translation>
    </message>
</context>
<context>
    <name>CaseOpinions</name>
    <message>
        <source>Each doctor&apos;s view, side by side. Say for each whether it agrees with the first opinion.</source>
        <translation>La opinión de cada médico, una al lado de la otra. Indique en cada una si está de acuerdo con la primera opinión.</translation>
    </message>
    <message>
        <source>Add an opinion…</source>
        <translation>Añadir una opinión…</translation>
    </message>
    <message>
        <source>No opinion written down yet. Add the first doctor&apos;s opinion, then the second one when you have it.</source>
        <translation>Todavía no hay ninguna opinión anotada. Añada la opinión del primer médico y luego la del segundo cuando la tenga.</translation>
    </message>
    <message>
        <source>Add an opinion</source>
        <translation>Añadir una opinión</translation>
    </message>
    <message>
        <source>Choose the doctor, then note what they said.</source>
        <translation>Elija al médico y luego anote lo que dijo.</translation>
    </message>
    <message>
        <source>Remove an opinion</source>
        <translation>Quitar una opinión</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Second opinion:</source>
        <translation>Segunda opinión:</translation>
    </message>
    <message>
        <source>Which second opinion</source>
        <translation>Qué segunda opinión</translation>
    </message>
    <message>
        <source>New second opinion</source>
        <translation>Nueva segunda opinión</translation>
    </message>
    <message>
        <source>No second opinion yet</source>
        <translation>Todavía no hay ninguna segunda opinión</translation>
    </message>
    <message>
        <source>A second opinion is worth asking for when you are told something serious: a surgery, a cancer diagnosis, a costly or risky test. Start one here: the app makes a ten-step checklist for you.</source>
        <translation>Vale la pena pedir una segunda opinión cuando le dicen algo serio: una cirugía, un diagnóstico de cáncer, una prueba cara o arriesgada. Empiece una aquí: la aplicación le prepara una lista de diez pasos.</translation>
    </message>
    <message>
        <source>Start a second opinion</source>
        <translation>Empezar una segunda opinión</translation>
    </message>
    <message>
        <source>This second opinion in short</source>
        <translation>Esta segunda opinión, en breve</translation>
    </message>
    <message>
        <source>Start visit mode</source>
        <translation>Modo cita</translation>
    </message>
    <message>
        <source>A large, simple screen for the appointment: tick each question and type the answers</source>
        <translation>Una pantalla grande y sencilla para la cita: marque cada pregunta y escriba las respuestas</translation>
    </message>
    <message>
        <source>Show or hide the details of this second opinion</source>
        <translation>Mostrar u ocultar los detalles de esta segunda opinión</translation>
    </message>
    <message>
        <source>The one question you need answered, e.g. “Do I need surgery now, or can physical therapy help first?”</source>
        <translation>La pregunta que necesita que le respondan, p. ej. “¿Necesito cirugía ahora, o puede ayudar primero la fisioterapia?”</translation>
    </message>
    <message>
        <source>Time left to decide</source>
        <translation>Tiempo que queda para decidir</translation>
    </message>
    <message>
        <source>Plan a visit…</source>
        <translation>Planear cita…</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Ver detalles</translation>
    </message>
    <message>
        <source>The final choice is yours. When you have decided, write down what and why: it helps later, and it helps your family understand. Set the status to “decided”.</source>
        <translation>La decisión final es suya. Cuando haya decidido, anote qué y por qué: le servirá más adelante y ayuda a su familia a entenderlo. Ponga el estado en “decidido”.</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decidido</translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation> el {date}</translation>
    </message>
    <message>
        <source>No date to decide by yet.</source>
        <translation>Todavía no hay fecha límite para decidir.</translation>
    </message>
    <message>
        <source>⚠  The date to decide by has passed ({days}).</source>
        <translation>⚠  Ya pasó la fecha límite para decidir ({days}).</translation>
    </message>
    <message>
        <source>Decide today.</source>
        <translation>Decida hoy.</translation>
    </message>
    <message>
        <source>Decide {days} ({date}).</source>
        <translation>Decida {days} ({date}).</translation>
    </message>
    <message>
        <source>No visit planned yet.</source>
        <translation>Todavía no hay ninguna cita planeada.</translation>
    </message>
    <message>
        <source>Next visit{doctor}: {when} ({days}).</source>
        <translation>Próxima cita{doctor}: {when} ({days}).</translation>
    </message>
    <message>
        <source>Next visit{doctor}: {when}.</source>
        <translation>Próxima cita{doctor}: {when}.</translation>
    </message>
    <message>
        <source>Checklist ({done} of {total})</source>
        <translation>Lista de pasos ({done} de {total})</translation>
    </message>
    <message>
        <source>Opinions ({counts})</source>
        <translation>Opiniones ({counts})</translation>
    </message>
    <message>
        <source>Treatment options ({counts})</source>
        <translation>Opciones de tratamiento ({counts})</translation>
    </message>
    <message>
        <source>Questions ({counts})</source>
        <translation>Preguntas ({counts})</translation>
    </message>
    <message>
        <source>Records ({counts})</source>
        <translation>Registros ({counts})</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Second opinion</source>
        <translation>Segunda opinión</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>Planear una cita</translation>
    </message>
    <message>
        <source>When and with whom? Type the day and the time as you usually write them, or choose the day on the calendar.</source>
        <translation>¿Cuándo y con quién? Escriba el día y la hora como suele escribirlos, o elija el día en el calendario.</translation>
    </message>
</context>
<context>
    <name>CaseQuestions</name>
    <message>
        <source>The questions you want to ask, most important first. In visit mode you tick each one as asked and type the answer.</source>
        <translation>Las preguntas que quiere hacer, la más importante primero. En el modo cita marca cada una al hacerla y escribe la respuesta.</translation>
    </message>
    <message>
        <source>Type a question and press Enter</source>
        <translation>Escriba una pregunta y pulse Intro</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Pregunta nueva</translation>
    </message>
    <message>
        <source>Pick from question starters…</source>
        <translation>Preguntas sugeridas…</translation>
    </message>
    <message>
        <source>Questions for the doctor</source>
        <translation>Preguntas para el médico</translation>
    </message>
    <message>
        <source>No question for this second opinion yet. Type one above and press Enter, or start from questions other patients ask.</source>
        <translation>Todavía no hay preguntas para esta segunda opinión. Escriba una arriba y pulse Intro, o empiece con preguntas que hacen otros pacientes.</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Type the question first.</source>
        <translation>Primero escriba la pregunta.</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>Añadir una pregunta</translation>
    </message>
    <message>
        <source>Add {texts} questions</source>
        <translation>Añadir {texts} preguntas</translation>
    </message>
    <message>
        <source>Move a question</source>
        <translation>Mover una pregunta</translation>
    </message>
    <message>
        <source>Remove a question</source>
        <translation>Quitar una pregunta</translation>
    </message>
</context>
<context>
    <name>CaseRecords</name>
    <message>
        <source>Records still to send</source>
        <translation>Registros que faltan por enviar</translation>
    </message>
    <message>
        <source>Sent for the visit</source>
        <translation>Enviado para la cita</translation>
    </message>
    <message>
        <source>Records of this second opinion</source>
        <translation>Registros de esta segunda opinión</translation>
    </message>
    <message>
        <source>How it was sent</source>
        <translation>Cómo se envió</translation>
    </message>
    <message>
        <source>Mark as sent today</source>
        <translation>Enviado hoy</translation>
    </message>
    <message>
        <source>Sent by:</source>
        <translation>Enviado por:</translation>
    </message>
    <message>
        <source>A record of this person to add to this second opinion</source>
        <translation>Un registro de esta persona para añadir a esta segunda opinión</translation>
    </message>
    <message>
        <source>Add to this second opinion</source>
        <translation>Añadir a esta segunda opinión</translation>
    </message>
    <message>
        <source>Take off this second opinion</source>
        <translation>Quitar de esta segunda opinión</translation>
    </message>
    <message>
        <source>Records are added and attached on the Records page; here you choose which belong to this second opinion.</source>
        <translation>Los registros se añaden y se adjuntan en la página Registros; aquí elige cuáles pertenecen a esta segunda opinión.</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Todavía no se envió</translation>
    </message>
    <message>
        <source>No sending noted</source>
        <translation>No hay ningún envío anotado</translation>
    </message>
    <message>
        <source>Asked to be sent, not sent yet</source>
        <translation>Pedido, todavía sin enviar</translation>
    </message>
    <message>
        <source>Mark as sent to {doctor} today</source>
        <translation>Enviado hoy a {doctor}</translation>
    </message>
    <message>
        <source>No record belongs to this second opinion yet. Choose one of your records below and press “Add to this second opinion”.</source>
        <translation>Todavía no hay registros en esta segunda opinión. Elija uno de sus registros abajo y pulse “Añadir a esta segunda opinión”.</translation>
    </message>
    <message>
        <source>No records yet. Add the reports, test results and letters the doctor should see.</source>
        <translation>Todavía no hay registros. Añada los informes, resultados de pruebas y cartas que el médico debe ver.</translation>
    </message>
    <message>
        <source>Attach records…</source>
        <translation>Adjuntar registros…</translation>
    </message>
    <message>
        <source>No visit is planned for this second opinion yet. Once it is, this page shows which records still have to be sent.</source>
        <translation>Todavía no hay ninguna cita planeada para esta segunda opinión. Cuando la haya, esta página mostrará qué registros faltan por enviar.</translation>
    </message>
    <message>
        <source>Visit{whom} on {when}: no record is linked to this second opinion yet.</source>
        <translation>Cita{whom} el {when}: todavía no hay ningún registro vinculado a esta segunda opinión.</translation>
    </message>
    <message>
        <source>✔  Visit{whom} on {when}: every record has been sent.</source>
        <translation>✔  Cita{whom} el {when}: se enviaron todos los registros.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) are</source>
        <translation>
            <numerusform>%n registro</numerusform>
            <numerusform>%n registros</numerusform>
        </translation>
    </message>
    <message>
        <source>{value}Visit{whom} on {when}: {count} not sent yet: {value2}.</source>
        <translation>{value}Cita{whom} el {when}: {count} sin enviar todavía: {value2}.</translation>
    </message>
    <message>
        <source>Mark a record as sent</source>
        <translation>Marcar un registro como enviado</translation>
    </message>
    <message>
        <source>Add a record to the second opinion</source>
        <translation>Añadir un registro a la segunda opinión</translation>
    </message>
    <message>
        <source>Take a record off the second opinion</source>
        <translation>Quitar un registro de la segunda opinión</translation>
    </message>
</context>
<context>
    <name>CaseTreatments</name>
    <message>
        <source>A new option, e.g. “Physical therapy for 12 weeks”</source>
        <translation>Una opción nueva, p. ej. “Fisioterapia durante 12 semanas”</translation>
    </message>
    <message>
        <source>Name of a new treatment option</source>
        <translation>Nombre de una opción de tratamiento nueva</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove option</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Treatment options compared side by side</source>
        <translation>Opciones de tratamiento comparadas una al lado de la otra</translation>
    </message>
    <message>
        <source>Edit option…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>What it costs where</source>
        <translation>Cuánto cuesta y dónde</translation>
    </message>
    <message>
        <source>Ask each hospital or clinic for a price; the table above shows the lowest and highest.</source>
        <translation>Pida un precio a cada hospital o clínica; la tabla de arriba muestra el más bajo y el más alto.</translation>
    </message>
    <message>
        <source>Cost quotes for this option</source>
        <translation>Presupuestos para esta opción</translation>
    </message>
    <message>
        <source>Hospital or clinic</source>
        <translation>Hospital o clínica</translation>
    </message>
    <message>
        <source>Facility of a new quote</source>
        <translation>Centro de un presupuesto nuevo</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Amount of a new quote</source>
        <translation>Importe de un presupuesto nuevo</translation>
    </message>
    <message>
        <source>Currency of a new quote</source>
        <translation>Moneda de un presupuesto nuevo</translation>
    </message>
    <message>
        <source>The currency of the amount, e.g. USD or EUR</source>
        <translation>La moneda del importe, p. ej. USD o EUR</translation>
    </message>
    <message>
        <source>Add quote</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Edit quote…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove quote</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>No treatment option yet. Write down each choice the doctors offered, waiting and watching too: then compare them side by side, with what each costs.</source>
        <translation>Todavía no hay opciones de tratamiento. Anote cada opción que le ofrecieron los médicos, también esperar y vigilar: luego compárelas una al lado de la otra, con lo que cuesta cada una.</translation>
    </message>
    <message>
        <source>Type the first option</source>
        <translation>Escriba la primera opción</translation>
    </message>
    <message>
        <source>No quote yet (noted: {noted})</source>
        <translation>Todavía sin presupuesto (anotado: {noted})</translation>
    </message>
    <message>
        <source>No quote yet</source>
        <translation>Todavía sin presupuesto</translation>
    </message>
    <message>
        <source>What “{name}” costs where</source>
        <translation>Cuánto cuesta “{name}” y dónde</translation>
    </message>
    <message>
        <source>Type the name of the option first.</source>
        <translation>Primero escriba el nombre de la opción.</translation>
    </message>
    <message>
        <source>Add a treatment option</source>
        <translation>Añadir una opción de tratamiento</translation>
    </message>
    <message>
        <source>Remove a treatment option</source>
        <translation>Quitar una opción de tratamiento</translation>
    </message>
    <message>
        <source>Add a cost quote</source>
        <translation>Añadir un presupuesto</translation>
    </message>
    <message>
        <source>Remove a cost quote</source>
        <translation>Quitar un presupuesto</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambiar la contraseña</translation>
    </message>
    <message>
        <source>Backups you made before keep opening with the old passphrase.</source>
        <translation>Las copias de seguridad que hizo antes se siguen abriendo con la contraseña anterior.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la contraseña</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose on a calendar</source>
        <translation>Elegir en un calendario</translation>
    </message>
    <message>
        <source>e.g. {date} 10:30</source>
        <translation>p. ej. {date} 10:30</translation>
    </message>
    <message>
        <source>e.g. {date}, March 1952 or 1952</source>
        <translation>p. ej. {date}, marzo de 1952 o 1952</translation>
    </message>
    <message>
        <source>Choose the {name} on a calendar</source>
        <translation>Elegir {name} en un calendario</translation>
    </message>
    <message>
        <source>Choose the {name} on a calendar (Alt+Down)</source>
        <translation>Elegir {name} en un calendario (Alt+Abajo)</translation>
    </message>
    <message>
        <source>Read as: {value}</source>
        <translation>Leído como: {value}</translation>
    </message>
</context>
<context>
    <name>DiscDialog</name>
    <message>
        <source>Add an imaging disc</source>
        <translation>Añadir un disco de imágenes</translation>
    </message>
    <message>
        <source>Reading the disc in {folder}…</source>
        <translation>Leyendo el disco en {folder}…</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Warning about the disc</source>
        <translation>Aviso sobre el disco</translation>
    </message>
    <message>
        <source>On the disc</source>
        <translation>En el disco</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Patients, studies and series on the disc</source>
        <translation>Pacientes, estudios y series del disco</translation>
    </message>
    <message>
        <source>Key image of the chosen series</source>
        <translation>Imagen clave de la serie elegida</translation>
    </message>
    <message>
        <source>Files that were skipped</source>
        <translation>Archivos que se omitieron</translation>
    </message>
    <message>
        <source>Title of the new record</source>
        <translation>Título del registro nuevo</translation>
    </message>
    <message>
        <source>Record title:</source>
        <translation>Título del registro:</translation>
    </message>
    <message>
        <source>Copy every image into the organizer</source>
        <translation>Copiar todas las imágenes al organizador</translation>
    </message>
    <message>
        <source>Copy every image from the disc</source>
        <translation>Copiar todas las imágenes del disco</translation>
    </message>
    <message>
        <source>By default only the disc&apos;s index and one key image per series are kept; the disc itself stays the full copy.</source>
        <translation>Normalmente solo se guardan el índice del disco y una imagen clave por serie; el disco sigue siendo la copia completa.</translation>
    </message>
    <message>
        <source>Add the disc</source>
        <translation>Añadir el disco</translation>
    </message>
    <message>
        <source>{value}, {value2} on the disc ({value3}). Nothing is saved until you press “Add the disc”.</source>
        <translation>{value}, {value2} en el disco ({value3}). No se guarda nada hasta que pulse “Añadir el disco”.</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies)</source>
        <translation>
            <numerusform>%n estudio</numerusform>
            <numerusform>%n estudios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n imagen</numerusform>
            <numerusform>%n imágenes</numerusform>
        </translation>
    </message>
    <message>
        <source>from its DICOMDIR</source>
        <translation>según su DICOMDIR</translation>
    </message>
    <message>
        <source>its files looked at one by one</source>
        <translation>mirando sus archivos uno por uno</translation>
    </message>
    <message>
        <source>Skipped:
</source>
        <translation>Omitidos:
</translation>
    </message>
    <message>
        <source>
…and {more} more.</source>
        <translation>
…y {more} más.</translation>
    </message>
    <message>
        <source>Nothing on this disc can be added</source>
        <translation>No se puede añadir nada de este disco</translation>
    </message>
    <message>
        <source>This may be someone else’s disc</source>
        <translation>Puede que este sea el disco de otra persona</translation>
    </message>
    <message>
        <source>{other} Check that this is the right disc and the right person: a doctor would read these images as theirs.</source>
        <translation>{other} Compruebe que es el disco correcto y la persona correcta: un médico leería estas imágenes como suyas.</translation>
    </message>
    <message>
        <source>Yes, this disc is about {full_name}</source>
        <translation>Sí, este disco es de {full_name}</translation>
    </message>
    <message>
        <source>The disc also holds a viewer program ({programs}); it is never run.</source>
        <translation>El disco también trae un programa visor ({programs}); nunca se ejecuta.</translation>
    </message>
    <message>
        <source>Copy every image into the organizer ({size})</source>
        <translation>Copiar todas las imágenes al organizador ({size})</translation>
    </message>
    <message>
        <source>A patient with no name</source>
        <translation>Un paciente sin nombre</translation>
    </message>
    <message>
        <source>Patient: {name}{born}</source>
        <translation>Paciente: {name}{born}</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <source>
No key image: {problem}</source>
        <translation>
Sin imagen clave: {problem}</translation>
    </message>
    <message>
        <source>No key image: </source>
        <translation>Sin imagen clave: </translation>
    </message>
    <message>
        <source>none on the disc</source>
        <translation>ninguna en el disco</translation>
    </message>
    <message>
        <source>Adding the disc…</source>
        <translation>Añadiendo el disco…</translation>
    </message>
</context>
<context>
    <name>DoctorChooser</name>
    <message>
        <source>Type or choose a name</source>
        <translation>Escriba o elija un nombre</translation>
    </message>
    <message>
        <source>Add as a new doctor</source>
        <translation>Añadir como médico nuevo</translation>
    </message>
    <message>
        <source>Add the typed name as a new doctor</source>
        <translation>Añadir el nombre escrito como médico nuevo</translation>
    </message>
    <message>
        <source>{name}: type a name</source>
        <translation>{name}: escriba un nombre</translation>
    </message>
    <message>
        <source>{add_text} to the care team</source>
        <translation>{add_text} al equipo médico</translation>
    </message>
    <message>
        <source>Add “{name}” as a new doctor</source>
        <translation>Añadir a “{name}” como médico nuevo</translation>
    </message>
    <message>
        <source>Add {name} to the care team as a new doctor</source>
        <translation>Añadir a {name} al equipo médico como médico nuevo</translation>
    </message>
    <message>
        <source>“{name}” is not in the care team yet</source>
        <translation>“{name}” todavía no está en el equipo médico</translation>
    </message>
    <message>
        <source>Add doctor “{name}”</source>
        <translation>Añadir al médico “{name}”</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What to do next</source>
        <translation>Qué hacer ahora</translation>
    </message>
</context>
<context>
    <name>EnableEncryptionDialog</name>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Proteger con una contraseña</translation>
    </message>
    <message>
        <source>Your organizer will be encrypted on this computer: without the passphrase, no one can read it, even with the computer in hand. You will type it each time you open the app.</source>
        <translation>Su organizador quedará cifrado en esta computadora: sin la contraseña nadie puede leerlo, aunque tenga la computadora en sus manos. La escribirá cada vez que abra la aplicación.</translation>
    </message>
    <message>
        <source>Turn on encryption</source>
        <translation>Activar el cifrado</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Details for whoever helps you</source>
        <translation>Detalles para quien le ayude</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar los detalles</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source> (This has happened {failures} times since this window opened.)</source>
        <translation> (Esto ha pasado {failures} veces desde que se abrió esta ventana.)</translation>
    </message>
    <message>
        <source>The details are copied: paste them into your message.</source>
        <translation>Los detalles están copiados: péguelos en su mensaje.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Whose information to export</source>
        <translation>De quién es la información que se exporta</translation>
    </message>
    <message>
        <source>Export for:</source>
        <translation>Exportar para:</translation>
    </message>
    <message>
        <source>What to export:</source>
        <translation>Qué exportar:</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Archivo que se va a escribir</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Guardar como:</translation>
    </message>
    <message>
        <source>Save the export as</source>
        <translation>Guardar la exportación como</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Guardado en {path}.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Close the help</source>
        <translation>Cerrar la ayuda</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import health records</source>
        <translation>Importar registros médicos</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>Qué está pasando</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Whose records these are</source>
        <translation>De quién son estos registros</translation>
    </message>
    <message>
        <source>Someone new (the patient named in the file)</source>
        <translation>Alguien nuevo (el paciente que nombra el archivo)</translation>
    </message>
    <message>
        <source>Import for:</source>
        <translation>Importar para:</translation>
    </message>
    <message>
        <source>This may be someone else’s record</source>
        <translation>Puede que este sea el registro de otra persona</translation>
    </message>
    <message>
        <source>Warning: the file names another patient</source>
        <translation>Aviso: el archivo nombra a otro paciente</translation>
    </message>
    <message>
        <source>What will be added; untick what you do not want</source>
        <translation>Lo que se añadirá; desmarque lo que no quiera</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Nothing can be imported.</source>
        <translation>No se puede importar nada.</translation>
    </message>
    <message>
        <source>

Nothing from {value} will change {name}’s own details.</source>
        <translation>

Nada de {value} cambiará los datos propios de {name}.</translation>
    </message>
    <message>
        <source>these files</source>
        <translation>estos archivos</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>el archivo</translation>
    </message>
    <message>
        <source>Yes, {value} about {name}</source>
        <translation>Sí, {value} sobre {name}</translation>
    </message>
    <message>
        <source>these files are</source>
        <translation>estos archivos son</translation>
    </message>
    <message>
        <source>this file is</source>
        <translation>este archivo es</translation>
    </message>
    <message>
        <source>New person: </source>
        <translation>Persona nueva: </translation>
    </message>
    <message>
        <source>Fill in {person_name}’s empty details: </source>
        <translation>Completar los datos vacíos de {person_name}: </translation>
    </message>
    <message>
        <source>This file was already imported for {value}; nothing new.</source>
        <translation>Este archivo ya se importó para {value}; no hay nada nuevo.</translation>
    </message>
    <message>
        <source>   — listed twice in the file</source>
        <translation>   — aparece dos veces en el archivo</translation>
    </message>
    <message>
        <source>   — already in the organizer</source>
        <translation>   — ya está en el organizador</translation>
    </message>
    <message>
        <source>Not imported: {skipped} entries with no place in the organizer, or nothing to keep (point here to see which)</source>
        <translation>No se importan: {skipped} entradas sin lugar en el organizador o sin nada que guardar (apunte aquí para ver cuáles)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be added</source>
        <translation>
            <numerusform>Se añadirá %n elemento</numerusform>
            <numerusform>Se añadirán %n elementos</numerusform>
        </translation>
    </message>
    <message>
        <source>{dupes} already in the organizer (unticked)</source>
        <translation>{dupes} ya en el organizador (desmarcados)</translation>
    </message>
    <message>
        <source>. Untick anything you do not want.</source>
        <translation>. Desmarque lo que no quiera.</translation>
    </message>
    <message>
        <source>The file names another patient: check the warning below before importing.</source>
        <translation>El archivo nombra a otro paciente: revise el aviso de abajo antes de importar.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Import {what}</source>
        <translation>Importar {what}</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Choose {an} in the list, or press “Add {label}” to make a new one.</source>
        <translation>Elija en la lista, o pulse “Añadir {label}”.</translation>
    </message>
    <message>
        <source>&lt;b&gt;New {label}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nuevo: {label}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>It is saved as soon as you fill in a field.</source>
        <translation>Se guarda en cuanto rellena un campo.</translation>
    </message>
    <message>
        <source>It is saved as soon as this is filled in: {required}.</source>
        <translation>Se guarda en cuanto esto esté relleno: {required}.</translation>
    </message>
    <message>
        <source>It is saved as soon as these are filled in: {required}.</source>
        <translation>Se guarda en cuanto esto esté relleno: {required}.</translation>
    </message>
    <message>
        <source>A new {label} is not saved yet: </source>
        <translation>Un elemento nuevo ({label}) todavía no está guardado: </translation>
    </message>
    <message>
        <source>fill in its required fields.</source>
        <translation>rellene sus campos obligatorios.</translation>
    </message>
    <message>
        <source>Change {label} of “{title}”</source>
        <translation>Cambiar {label} de “{title}”</translation>
    </message>
</context>
<context>
    <name>ItemEditorDialog</name>
    <message>
        <source>Changes are saved as you type.</source>
        <translation>Los cambios se guardan mientras escribe.</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>More details</source>
        <translation>Más detalles</translation>
    </message>
    <message>
        <source>More details: the codes from the records</source>
        <translation>Más detalles: los códigos de los registros</translation>
    </message>
    <message>
        <source>The codes a doctor&apos;s system uses (SNOMED, RxNorm, LOINC…), usually filled in by an import</source>
        <translation>Los códigos que usa el sistema de un médico (SNOMED, RxNorm, LOINC…), que suele rellenar una importación</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>ItemWords</name>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Femenino</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Relationship to you</source>
        <translation>Relación con usted</translation>
    </message>
    <message>
        <source>self, mother, father, son, partner…</source>
        <translation>usted, madre, padre, hijo, pareja…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Insurance plan</source>
        <translation>Plan de seguro</translation>
    </message>
    <message>
        <source>Insurance member ID</source>
        <translation>Número de afiliado del seguro</translation>
    </message>
    <message>
        <source>Insurance phone</source>
        <translation>Teléfono del seguro</translation>
    </message>
    <message>
        <source>Primary doctor</source>
        <translation>Médico de cabecera</translation>
    </message>
    <message>
        <source>No known allergies</source>
        <translation>Sin alergias conocidas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Care team member</source>
        <translation>Miembro del equipo médico</translation>
    </message>
    <message>
        <source>Care team</source>
        <translation>Equipo médico</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Primary care</source>
        <translation>Atención primaria</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Especialista</translation>
    </message>
    <message>
        <source>Surgeon</source>
        <translation>Cirujano</translation>
    </message>
    <message>
        <source>Second opinion</source>
        <translation>Segunda opinión</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Terapeuta</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <source>Hospital or practice</source>
        <translation>Hospital o consultorio</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Problema de salud</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Problemas de salud</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Code system</source>
        <translation>Sistema de códigos</translation>
    </message>
    <message>
        <source>ICD-10, SNOMED…</source>
        <translation>CIE-10, SNOMED…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Suspected</source>
        <translation>Sospecha</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Ruled out</source>
        <translation>Descartado</translation>
    </message>
    <message>
        <source>Diagnosed on</source>
        <translation>Diagnosticado el</translation>
    </message>
    <message>
        <source>Diagnosed by</source>
        <translation>Diagnosticado por</translation>
    </message>
    <message>
        <source>Stage or severity</source>
        <translation>Etapa o gravedad</translation>
    </message>
    <message>
        <source>Second opinions</source>
        <translation>Segundas opiniones</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>The question at stake</source>
        <translation>La pregunta que hay que resolver</translation>
    </message>
    <message>
        <source>For example: &quot;Is surgery needed now?&quot;</source>
        <translation>Por ejemplo: &quot;¿Hace falta operar ahora?&quot;</translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation>Decidir antes del</translation>
    </message>
    <message>
        <source>Being prepared</source>
        <translation>En preparación</translation>
    </message>
    <message>
        <source>Visit scheduled</source>
        <translation>Cita programada</translation>
    </message>
    <message>
        <source>Seen by the doctor</source>
        <translation>Visto por el médico</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Decidido</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>Decidido el</translation>
    </message>
    <message>
        <source>Checklist step</source>
        <translation>Paso de la lista</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de pasos</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Hecho el</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Opinión</translation>
    </message>
    <message>
        <source>Opinions</source>
        <translation>Opiniones</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Médico</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Dada el</translation>
    </message>
    <message>
        <source>Diagnosis as stated</source>
        <translation>Diagnóstico tal como lo dio</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recomendación</translation>
    </message>
    <message>
        <source>Agrees with the first opinion</source>
        <translation>Coincide con la primera opinión</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>Coincide</translation>
    </message>
    <message>
        <source>Agrees in part</source>
        <translation>Coincide en parte</translation>
    </message>
    <message>
        <source>Disagrees</source>
        <translation>No coincide</translation>
    </message>
    <message>
        <source>This is the first opinion</source>
        <translation>Es la primera opinión</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <source>Treatment option</source>
        <translation>Opción de tratamiento</translation>
    </message>
    <message>
        <source>Treatment options</source>
        <translation>Opciones de tratamiento</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>Propuesta por</translation>
    </message>
    <message>
        <source>How long it takes</source>
        <translation>Cuánto dura</translation>
    </message>
    <message>
        <source>Recovery time</source>
        <translation>Tiempo de recuperación</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Insurance coverage</source>
        <translation>Cobertura del seguro</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Riesgos</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Beneficios</translation>
    </message>
    <message>
        <source>Effect on daily life</source>
        <translation>Efecto en la vida diaria</translation>
    </message>
    <message>
        <source>Considering</source>
        <translation>En estudio</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Elegida</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Descartada</translation>
    </message>
    <message>
        <source>Cost quote</source>
        <translation>Presupuesto</translation>
    </message>
    <message>
        <source>Cost quotes</source>
        <translation>Presupuestos</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Centro</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Covered by insurance</source>
        <translation>Lo cubre el seguro</translation>
    </message>
    <message>
        <source>Obtained on</source>
        <translation>Obtenido el</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicamento</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Presentación</translation>
    </message>
    <message>
        <source>tablet, capsule, injection…</source>
        <translation>tableta, cápsula, inyección…</translation>
    </message>
    <message>
        <source>How it is taken</source>
        <translation>Cómo se toma</translation>
    </message>
    <message>
        <source>by mouth, injection…</source>
        <translation>por boca, inyección…</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Cada cuánto</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Prescribed by</source>
        <translation>Recetado por</translation>
    </message>
    <message>
        <source>Taken for</source>
        <translation>Se toma para</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Empezó el</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Dejó de tomarse el</translation>
    </message>
    <message>
        <source>Currently taking</source>
        <translation>Lo toma ahora</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Alergia</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Allergic to</source>
        <translation>Alergia a</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reacción</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>Anotada el</translation>
    </message>
    <message>
        <source>Immunization</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Vacuna</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedimientos</translation>
    </message>
    <message>
        <source>Performed on</source>
        <translation>Realizado el</translation>
    </message>
    <message>
        <source>Performed by</source>
        <translation>Realizado por</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Resultado de prueba</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Resultados de pruebas</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Normal range</source>
        <translation>Rango normal</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Marca</translation>
    </message>
    <message>
        <source>high, low, abnormal…</source>
        <translation>alto, bajo, anormal…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Lab results</source>
        <translation>Resultados de laboratorio</translation>
    </message>
    <message>
        <source>Imaging</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation>Patología</translation>
    </message>
    <message>
        <source>Operation report</source>
        <translation>Informe de la operación</translation>
    </message>
    <message>
        <source>Hospital discharge</source>
        <translation>Alta del hospital</translation>
    </message>
    <message>
        <source>Clinic note</source>
        <translation>Nota de consulta</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>Seguro</translation>
    </message>
    <message>
        <source>Imported file</source>
        <translation>Archivo importado</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Escrito por</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Physical item</source>
        <translation>Objeto físico</translation>
    </message>
    <message>
        <source>slides, an imaging disc…</source>
        <translation>laminillas, un disco de imágenes…</translation>
    </message>
    <message>
        <source>Where the physical item is</source>
        <translation>Dónde está el objeto físico</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Records to send</source>
        <translation>Registros por enviar</translation>
    </message>
    <message>
        <source>Sent to</source>
        <translation>Enviado a</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>Patient portal</source>
        <translation>Portal del paciente</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Correo postal</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Mensajería</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Enviado el</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Recibido el</translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation>Número de seguimiento</translation>
    </message>
    <message>
        <source>Records request</source>
        <translation>Solicitud de registros</translation>
    </message>
    <message>
        <source>Records requests</source>
        <translation>Solicitudes de registros</translation>
    </message>
    <message>
        <source>Asked of</source>
        <translation>Pedido a</translation>
    </message>
    <message>
        <source>Records asked for</source>
        <translation>Registros pedidos</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Pedido el</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Questions for the doctor</source>
        <translation>Preguntas para el médico</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Preguntada</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>Respondida por</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Respondida el</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>With</source>
        <translation>Con</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planeada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Report asked for on</source>
        <translation>Informe pedido el</translation>
    </message>
    <message>
        <source>Report received on</source>
        <translation>Informe recibido el</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Entrada del diario</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>What happened, how you feel</source>
        <translation>Qué pasó, cómo se siente</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
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
<context>
    <name>MainWindow</name>
    <message>
        <source> — EXAMPLE DATA</source>
        <translation> — DATOS DE EJEMPLO</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Sec&amp;tions</source>
        <translation>Sec&amp;ciones</translation>
    </message>
    <message>
        <source>Example data: made-up people, not your own records. Nothing you change here is kept after this window closes.</source>
        <translation>Datos de ejemplo: personas inventadas, no sus propios registros. Nada de lo que cambie aquí se conserva al cerrar esta ventana.</translation>
    </message>
    <message>
        <source>That item is in this section but could not be selected.</source>
        <translation>Ese elemento está en esta sección, pero no se pudo seleccionar.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Quitar a {name}</translation>
    </message>
    <message>
        <source>{name} was removed from the list. Edit › Undo brings everything back.</source>
        <translation>{name} se quitó de la lista. Edición › Deshacer lo devuelve todo.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Add records from files…</source>
        <translation>Añadir registros desde archivos…</translation>
    </message>
    <message>
        <source>Each file you choose becomes a record</source>
        <translation>Cada archivo que elija se guarda como un registro</translation>
    </message>
    <message>
        <source>Add an imaging &amp;disc…</source>
        <translation>Añadir un &amp;disco de imágenes…</translation>
    </message>
    <message>
        <source>An MRI, CT or X-ray disc (DICOM): its studies and key images become a record</source>
        <translation>Un disco de resonancia, tomografía o radiografía (DICOM): sus estudios e imágenes clave se guardan como un registro</translation>
    </message>
    <message>
        <source>&amp;Import from a patient portal file…</source>
        <translation>&amp;Importar un archivo del portal del paciente…</translation>
    </message>
    <message>
        <source>FHIR (.json, .ndjson) or C-CDA (.xml) files, or a person archive (.zip)</source>
        <translation>Archivos FHIR (.json, .ndjson) o C-CDA (.xml), o el archivo de una persona (.zip)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>A person archive, a summary for another doctor&apos;s system, visits for a calendar, medications as a spreadsheet</source>
        <translation>El archivo de una persona, un resumen para el sistema de otro médico, las citas para un calendario, los medicamentos como hoja de cálculo</translation>
    </message>
    <message>
        <source>Make &amp;packet for the doctor…</source>
        <translation>Hacer el &amp;paquete para el médico…</translation>
    </message>
    <message>
        <source>The PDF to bring to (or send ahead to) the second doctor</source>
        <translation>El PDF para llevar al segundo médico (o enviárselo antes)</translation>
    </message>
    <message>
        <source>Print a &amp;list</source>
        <translation>Imprimir una &amp;lista</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;New item</source>
        <translation>&amp;Nuevo elemento</translation>
    </message>
    <message>
        <source>Add a new item to the list on screen</source>
        <translation>Añadir un elemento nuevo a la lista en pantalla</translation>
    </message>
    <message>
        <source>&amp;Delete item	{delete_key}</source>
        <translation>&amp;Borrar elemento	{delete_key}</translation>
    </message>
    <message>
        <source>Delete the chosen item (you can undo it)</source>
        <translation>Borrar el elemento elegido (se puede deshacer)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Aumentar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Tamaño normal</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>A&amp;pariencia</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <source>&amp;Edit person…</source>
        <translation>&amp;Editar persona…</translation>
    </message>
    <message>
        <source>&amp;Remove this person</source>
        <translation>&amp;Quitar a esta persona</translation>
    </message>
    <message>
        <source>Takes this person off the list (Edit › Undo brings them back)</source>
        <translation>Quita a esta persona de la lista (Edición › Deshacer la devuelve)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;How a second opinion works</source>
        <translation>&amp;Cómo funciona una segunda opinión</translation>
    </message>
    <message>
        <source>The ten steps, in plain words</source>
        <translation>Los diez pasos, en palabras sencillas</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Primeros pasos</translation>
    </message>
    <message>
        <source>What to do first, and where to find it</source>
        <translation>Qué hacer primero y dónde encontrarlo</translation>
    </message>
    <message>
        <source>&amp;About Second Opinion Organizer</source>
        <translation>&amp;Acerca del Organizador de Segunda Opinión</translation>
    </message>
    <message>
        <source>Progress of work in the background</source>
        <translation>Avance del trabajo en segundo plano</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the work in the background</source>
        <translation>Cancelar el trabajo en segundo plano</translation>
    </message>
    <message>
        <source>Undone: {text}.</source>
        <translation>Deshecho: {text}.</translation>
    </message>
    <message>
        <source>Done again: {text}.</source>
        <translation>Rehecho: {text}.</translation>
    </message>
    <message>
        <source>Text size {value}%</source>
        <translation>Tamaño del texto {value}%</translation>
    </message>
    <message>
        <source>About {app_name}</source>
        <translation>Acerca de {app_name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{app_name}&lt;/b&gt; {version}&lt;p&gt;Keeps your family&apos;s health information on this computer and makes the packet for a second medical opinion. It never uses the network.&lt;/p&gt;&lt;p&gt;Your data folder: {root}&lt;/p&gt;</source>
        <translation>&lt;b&gt;{app_name}&lt;/b&gt; {version}&lt;p&gt;Guarda la información de salud de su familia en esta computadora y prepara el paquete para pedir una segunda opinión médica. Nunca usa la red.&lt;/p&gt;&lt;p&gt;Su carpeta de datos: {root}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Choose files to add as records</source>
        <translation>Elija archivos para añadirlos como registros</translation>
    </message>
    <message>
        <source>Choose files from a patient portal</source>
        <translation>Elija archivos de un portal del paciente</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>No guardado: </translation>
    </message>
    <message>
        <source> Correct it, or close the window again to leave without it.</source>
        <translation> Corríjalo, o vuelva a cerrar la ventana para salir sin guardarlo.</translation>
    </message>
</context>
<context>
    <name>NewDoctorDialog</name>
    <message>
        <source>Add a new doctor</source>
        <translation>Añadir un médico nuevo</translation>
    </message>
    <message>
        <source>Who are they? Only the name is needed now; the rest can be added later in Care team.</source>
        <translation>¿Quién es? Ahora solo hace falta el nombre; lo demás se puede añadir después en Equipo médico.</translation>
    </message>
    <message>
        <source>e.g. Dr. Maria Lopez</source>
        <translation>p. ej. Dra. María López</translation>
    </message>
    <message>
        <source>Save the new doctor</source>
        <translation>Guardar el médico nuevo</translation>
    </message>
    <message>
        <source>Cancel: add no doctor</source>
        <translation>Cancelar: no añadir ningún médico</translation>
    </message>
    <message>
        <source>Add doctor “{values}”</source>
        <translation>Añadir al médico “{values}”</translation>
    </message>
</context>
<context>
    <name>NewItemDialog</name>
    <message>
        <source>Add {label}</source>
        <translation>Añadir {label}</translation>
    </message>
    <message>
        <source>Save the new {label}</source>
        <translation>Guardar ({label})</translation>
    </message>
    <message>
        <source>Cancel: add nothing</source>
        <translation>Cancelar: no añadir nada</translation>
    </message>
</context>
<context>
    <name>OpinionCard</name>
    <message>
        <source>Doctor not chosen yet</source>
        <translation>Todavía no se eligió al médico</translation>
    </message>
    <message>
        <source>Given on {date}</source>
        <translation>Dada el {date}</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>Recommends</source>
        <translation>Recomienda</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit the opinion of {doctor}</source>
        <translation>Editar la opinión de {doctor}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the opinion of {doctor}</source>
        <translation>Quitar la opinión de {doctor}</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>A few steps get the important things in one place. Do them in any order; everything stays on this computer.</source>
        <translation>Unos pocos pasos reúnen lo importante en un solo lugar. Hágalos en el orden que quiera; todo se queda en esta computadora.</translation>
    </message>
    <message>
        <source>Second opinions under way</source>
        <translation>Segundas opiniones en curso</translation>
    </message>
    <message>
        <source>Needs your attention</source>
        <translation>Requiere su atención</translation>
    </message>
    <message>
        <source>Coming visits</source>
        <translation>Próximas citas</translation>
    </message>
    <message>
        <source>Click an entry (or press Enter) to open it.</source>
        <translation>Haga clic en una entrada (o pulse Intro) para abrirla.</translation>
    </message>
    <message>
        <source>Choose or add a person to see what needs doing (Person › Add person).</source>
        <translation>Elija o añada una persona para ver lo que hay que hacer (Persona › Añadir persona).</translation>
    </message>
    <message>
        <source>Overview for {name}</source>
        <translation>Resumen de {name}</translation>
    </message>
    <message>
        <source>✔  Nothing needs your attention right now.</source>
        <translation>✔  Ahora mismo nada requiere su atención.</translation>
    </message>
    <message>
        <source>No visit planned. When you book an appointment, add it here to be reminded of what to bring.</source>
        <translation>No hay ninguna cita planeada. Cuando pida una cita, añádala aquí para que le recuerde qué llevar.</translation>
    </message>
    <message>
        <source>Plan a visit</source>
        <translation>Planear una cita</translation>
    </message>
    <message>
        <source>No second opinion under way. Start one when you are told something serious and want another doctor to look before deciding.</source>
        <translation>No hay ninguna segunda opinión en curso. Empiece una cuando le digan algo serio y quiera que otro médico lo vea antes de decidir.</translation>
    </message>
    <message>
        <source>Start a second opinion</source>
        <translation>Empezar una segunda opinión</translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message>
        <source>Make packet</source>
        <translation>Hacer el paquete</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nadie todavía</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Packet for {name}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Paquete de {name}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Second opinion</source>
        <translation>Segunda opinión</translation>
    </message>
    <message>
        <source>None: a health summary with records</source>
        <translation>Ninguna: un resumen de salud con registros</translation>
    </message>
    <message>
        <source>Second opinion:</source>
        <translation>Segunda opinión:</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Tamaño del papel:</translation>
    </message>
    <message>
        <source>Language of the packet</source>
        <translation>Idioma del paquete</translation>
    </message>
    <message>
        <source>Language of the packet:</source>
        <translation>Idioma del paquete:</translation>
    </message>
    <message>
        <source>Your name, if you are not the patient</source>
        <translation>Su nombre, si usted no es el paciente</translation>
    </message>
    <message>
        <source>Leave empty if you are the patient</source>
        <translation>Déjelo vacío si usted es el paciente</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Su nombre:</translation>
    </message>
    <message>
        <source>Password for the PDF (optional)</source>
        <translation>Contraseña del PDF (opcional)</translation>
    </message>
    <message>
        <source>Optional: lock the PDF with a password</source>
        <translation>Opcional: proteger el PDF con una contraseña</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>What to include</source>
        <translation>Qué incluir</translation>
    </message>
    <message>
        <source>Include {title}</source>
        <translation>Incluir: {title}</translation>
    </message>
    <message>
        <source>Costs and insurance (records, quotes, coverage)</source>
        <translation>Costos y seguro (registros, presupuestos, cobertura)</translation>
    </message>
    <message>
        <source>Include costs and insurance</source>
        <translation>Incluir costos y seguro</translation>
    </message>
    <message>
        <source>Left out unless you tick this: what things cost and what your insurance pays is your business, not the doctor&apos;s.</source>
        <translation>Se deja fuera salvo que marque esto: lo que cuestan las cosas y lo que paga su seguro es asunto suyo, no del médico.</translation>
    </message>
    <message>
        <source>This second opinion&apos;s own title on the cover</source>
        <translation>El título propio de esta segunda opinión en la portada</translation>
    </message>
    <message>
        <source>Print the second opinion&apos;s title on the cover</source>
        <translation>Poner el título de la segunda opinión en la portada</translation>
    </message>
    <message>
        <source>Without it, the cover names the diagnosis instead of the title you gave this second opinion.</source>
        <translation>Si no, la portada nombra el diagnóstico en lugar del título que le dio a esta segunda opinión.</translation>
    </message>
    <message>
        <source>Records to enclose</source>
        <translation>Registros que se incluyen</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Key images of imaging discs (one page per study)</source>
        <translation>Imágenes clave de los discos de imágenes (una página por estudio)</translation>
    </message>
    <message>
        <source>Include the key images of imaging discs</source>
        <translation>Incluir las imágenes clave de los discos de imágenes</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Avance</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Add a person first: the packet is about one person.</source>
        <translation>Primero añada una persona: el paquete es sobre una persona.</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>no file</source>
        <translation>ningún archivo</translation>
    </message>
    <message>
        <source>Making the packet…</source>
        <translation>Haciendo el paquete…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message numerus="yes">
        <source>The packet is ready: {pages} pages, %n enclosure(s). Save it, open it or print it.</source>
        <translation>
            <numerusform>El paquete está listo: {pages} páginas, %n documento adjunto. Guárdelo, ábralo o imprímalo.</numerusform>
            <numerusform>El paquete está listo: {pages} páginas, %n documentos adjuntos. Guárdelo, ábralo o imprímalo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%n file(s) could not be included&lt;/b&gt; (each is listed in the packet&apos;s index):&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%n archivo no se pudo incluir&lt;/b&gt; (figura en el índice del paquete):&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%n archivos no se pudieron incluir&lt;/b&gt; (cada uno figura en el índice del paquete):&lt;/p&gt;&lt;ul&gt;{lines}&lt;/ul&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>The packet could not be made: {message}</source>
        <translation>No se pudo hacer el paquete: {message}</translation>
    </message>
    <message>
        <source>Cancelled: no packet was made.</source>
        <translation>Cancelado: no se hizo ningún paquete.</translation>
    </message>
    <message>
        <source>Second opinion packet - {name}.pdf</source>
        <translation>Paquete para la segunda opinión - {name}.pdf</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Choose what to include, then press “Make”. The document appears here before you save or print it.</source>
        <translation>Elija qué incluir y pulse “Hacer”. El documento aparece aquí antes de guardarlo o imprimirlo.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open in your usual PDF viewer</source>
        <translation>Abrir en su visor de PDF de siempre</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>The packet could not be saved as {path} ({strerror}). Choose another place.</source>
        <translation>No se pudo guardar el paquete como {path} ({strerror}). Elija otro lugar.</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Guardado: {path}</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is on and try again.</source>
        <translation>No se pudo poner en marcha la impresora. Compruebe que está encendida y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Editar persona</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Not saved yet: </source>
        <translation>Todavía no está guardado: </translation>
    </message>
    <message>
        <source> Close again to leave without it.</source>
        <translation> Vuelva a cerrar para salir sin guardarlo.</translation>
    </message>
</context>
<context>
    <name>PersonSwitcher</name>
    <message>
        <source>Pe&amp;ople</source>
        <translation>Pe&amp;rsonas</translation>
    </message>
    <message>
        <source>People: choose whose information is shown</source>
        <translation>Personas: elija de quién se muestra la información</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit the chosen person&apos;s details</source>
        <translation>Editar los datos de la persona elegida</translation>
    </message>
    <message>
        <source>Show {person}&apos;s information</source>
        <translation>Mostrar la información de {person}</translation>
    </message>
</context>
<context>
    <name>PrintoutsDialog</name>
    <message>
        <source>Printouts</source>
        <translation>Impresiones</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>Impresión</translation>
    </message>
    <message>
        <source>Printout:</source>
        <translation>Impresión:</translation>
    </message>
    <message>
        <source>Second opinion</source>
        <translation>Segunda opinión</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Second opinion:</source>
        <translation>Segunda opinión:</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>The latest visit</source>
        <translation>La cita más reciente</translation>
    </message>
    <message>
        <source>Visit (for the summary):</source>
        <translation>Cita (para el resumen):</translation>
    </message>
    <message>
        <source>Records request</source>
        <translation>Solicitud de registros</translation>
    </message>
    <message>
        <source>The latest request</source>
        <translation>La solicitud más reciente</translation>
    </message>
    <message>
        <source>Request (for the letter):</source>
        <translation>Solicitud (para la carta):</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>Tamaño del papel:</translation>
    </message>
    <message>
        <source>Language of the printout</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <source>Language of the printout:</source>
        <translation>Idioma de la hoja:</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Hacer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Add a person first.</source>
        <translation>Primero añada una persona.</translation>
    </message>
    <message>
        <source>Making it…</source>
        <translation>Haciéndolo…</translation>
    </message>
    <message numerus="yes">
        <source>Ready: the {what}, %n page(s). Save it, open it or print it.</source>
        <translation>
            <numerusform>Listo: {what}, %n página. Guárdelo, ábralo o imprímalo.</numerusform>
            <numerusform>Listo: {what}, %n páginas. Guárdelo, ábralo o imprímalo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Reports, test and imaging results, letters, and physical items such as slides or imaging discs. Drag files here (PDF, pictures, text) to add them: each file becomes a record.</source>
        <translation>Informes, resultados de pruebas y de imágenes, cartas, y objetos físicos como laminillas o discos de imágenes. Arrastre archivos aquí (PDF, fotos, texto) para añadirlos: cada archivo se guarda como un registro.</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Files of this record</source>
        <translation>Archivos de este registro</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Adjuntar archivos…</translation>
    </message>
    <message>
        <source>Attach more files to this record</source>
        <translation>Adjuntar más archivos a este registro</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>Abrir en el visor</translation>
    </message>
    <message>
        <source>Open the chosen file in the system viewer</source>
        <translation>Abrir el archivo elegido en el visor del sistema</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Quitar el archivo</translation>
    </message>
    <message>
        <source>Remove the chosen file from this record</source>
        <translation>Quitar el archivo elegido de este registro</translation>
    </message>
    <message>
        <source>Drop files here to attach them to this record, or:</source>
        <translation>Suelte archivos aquí para adjuntarlos a este registro, o:</translation>
    </message>
    <message>
        <source>Sending this record</source>
        <translation>Envío de este registro</translation>
    </message>
    <message>
        <source>Each copy on its way: who it goes to, when it was asked for, sent and received, how, and the tracking number.</source>
        <translation>Cada copia en camino: a quién va, cuándo se pidió, se envió y se recibió, cómo, y el número de seguimiento.</translation>
    </message>
    <message>
        <source>About the chosen record</source>
        <translation>Sobre el registro elegido</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Add an imaging disc…</source>
        <translation>Añadir disco de imágenes…</translation>
    </message>
    <message>
        <source>Add an imaging disc (MRI, CT, X-ray) as a record</source>
        <translation>Añadir un disco de imágenes (resonancia, tomografía, radiografía) como registro</translation>
    </message>
    <message>
        <source>Read an imaging disc (DICOM): its studies and a key image of each series become one record</source>
        <translation>Leer un disco de imágenes (DICOM): sus estudios y una imagen clave de cada serie se guardan como un registro</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Elegir archivos…</translation>
    </message>
    <message>
        <source>Add a person first, then drop the files again.</source>
        <translation>Primero añada una persona y luego vuelva a soltar los archivos.</translation>
    </message>
    <message>
        <source>Added {what}. Reading the text for search…</source>
        <translation>Añadido: {what}. Leyendo el texto para la búsqueda…</translation>
    </message>
    <message>
        <source>Add {what} from dropped files</source>
        <translation>Añadir {what} desde los archivos soltados</translation>
    </message>
    <message>
        <source>Adding {what} from the files</source>
        <translation>Añadiendo {what} desde los archivos</translation>
    </message>
    <message>
        <source>Nothing was added</source>
        <translation>No se añadió nada</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach {what}</source>
        <translation>Adjuntar {what}</translation>
    </message>
    <message>
        <source>Attaching {what}</source>
        <translation>Adjuntando {what}</translation>
    </message>
    <message>
        <source>Nothing was attached</source>
        <translation>No se adjuntó nada</translation>
    </message>
    <message>
        <source>Stopped: {refused}.</source>
        <translation>Detenido: {refused}.</translation>
    </message>
    <message>
        <source>Attach files to this record</source>
        <translation>Adjuntar archivos a este registro</translation>
    </message>
    <message>
        <source>The file could not be opened: {exc}</source>
        <translation>No se pudo abrir el archivo: {exc}</translation>
    </message>
    <message>
        <source>the system refused</source>
        <translation>el sistema no lo permitió</translation>
    </message>
    <message>
        <source>The file could not be opened ({why}).</source>
        <translation>No se pudo abrir el archivo ({why}).</translation>
    </message>
    <message>
        <source>Remove file “{filename}”</source>
        <translation>Quitar el archivo “{filename}”</translation>
    </message>
    <message>
        <source>Removed “{filename}” from this record. Edit › Undo puts it back.</source>
        <translation>Se quitó “{filename}” de este registro. Edición › Deshacer lo devuelve.</translation>
    </message>
    <message>
        <source>The text of some files could not be read: {message}</source>
        <translation>No se pudo leer el texto de algunos archivos: {message}</translation>
    </message>
    <message>
        <source>Reading the text of the files and scanned pages</source>
        <translation>Leyendo el texto de los archivos y de las páginas escaneadas</translation>
    </message>
    <message>
        <source>Stopped reading the files. The pages not read yet are read the next time files are added, or with “Read the pages”.</source>
        <translation>Se dejó de leer los archivos. Las páginas que faltan se leerán la próxima vez que se añadan archivos, o con “Leer las páginas”.</translation>
    </message>
    <message numerus="yes">
        <source>The text of %n file(s) can now be found with Search (Ctrl+F).</source>
        <translation>
            <numerusform>El texto de %n archivo ya se puede encontrar con Buscar (Ctrl+F).</numerusform>
            <numerusform>El texto de %n archivos ya se puede encontrar con Buscar (Ctrl+F).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultSuggestionDialog</name>
    <message>
        <source>Add a test result from the scan</source>
        <translation>Añadir un resultado de prueba desde el escaneo</translation>
    </message>
    <message>
        <source>This is what was read from the page. Check every number against the paper, correct what is wrong, then press Save. Nothing is added until you do.

As read: “{line}”</source>
        <translation>Esto es lo que se leyó de la página. Compare cada número con el papel, corrija lo que esté mal y pulse Guardar. No se añade nada hasta que lo haga.

Tal como se leyó: “{line}”</translation>
    </message>
    <message>
        <source>Add a test result from a scan</source>
        <translation>Añadir un resultado de prueba desde un escaneo</translation>
    </message>
</context>
<context>
    <name>ResultsChart</name>
    <message>
        <source>Test:</source>
        <translation>Prueba:</translation>
    </message>
    <message>
        <source>Which test to chart</source>
        <translation>Qué prueba mostrar en la gráfica</translation>
    </message>
    <message>
        <source>Chart of results over time</source>
        <translation>Gráfica de resultados a lo largo del tiempo</translation>
    </message>
    <message>
        <source>About this chart</source>
        <translation>Sobre esta gráfica</translation>
    </message>
    <message>
        <source>A chart appears here once a test has two or more results (add them under History › Test results).</source>
        <translation>Aquí aparece una gráfica cuando una prueba tiene dos resultados o más (añádalos en Historial › Resultados de pruebas).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Normal range</source>
        <translation>Rango normal</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) shown.</source>
        <translation>
            <numerusform>%n valor mostrado.</numerusform>
            <numerusform>%n valores mostrados.</numerusform>
        </translation>
    </message>
    <message>
        <source>The shaded band is the normal range ({shown}).</source>
        <translation>La franja sombreada es el rango normal ({shown}).</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) not a number, not drawn: {skipped}.</source>
        <translation>
            <numerusform>%n valor no es un número y no se dibuja: {skipped}.</numerusform>
            <numerusform>%n valores no son números y no se dibujan: {skipped}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavedIndicator</name>
    <message>
        <source>Saving status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>⚠ Not saved: see the note beside the field</source>
        <translation>⚠ No guardado: vea la nota junto al campo</translation>
    </message>
    <message>
        <source>Every change is written to this computer as you make it; there is nothing to save by hand.</source>
        <translation>Cada cambio se guarda en esta computadora en el momento; no hay que guardar nada a mano.</translation>
    </message>
</context>
<context>
    <name>ScanTextPanel</name>
    <message>
        <source>Text read from the scan</source>
        <translation>Texto leído del escaneo</translation>
    </message>
    <message>
        <source>Text read from each page of the scan</source>
        <translation>Texto leído de cada página del escaneo</translation>
    </message>
    <message>
        <source>Read the pages</source>
        <translation>Leer las páginas</translation>
    </message>
    <message>
        <source>Read the text of this file&apos;s scanned pages</source>
        <translation>Leer el texto de las páginas escaneadas de este archivo</translation>
    </message>
    <message>
        <source>Test results seen in the text read from the scan</source>
        <translation>Resultados de pruebas encontrados en el texto leído del escaneo</translation>
    </message>
    <message>
        <source>Add as a test result…</source>
        <translation>Añadir como resultado de prueba…</translation>
    </message>
    <message>
        <source>Add the chosen value as a test result, after you check it</source>
        <translation>Añadir el valor elegido como resultado de prueba, después de revisarlo</translation>
    </message>
    <message>
        <source>Results seen:</source>
        <translation>Resultados encontrados:</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) read. Reading can mistake letters and numbers.</source>
        <translation>
            <numerusform>%n página leída. La lectura puede confundir letras y números.</numerusform>
            <numerusform>%n páginas leídas. La lectura puede confundir letras y números.</numerusform>
        </translation>
    </message>
    <message>
        <source>This file has its own text: no page needed reading.</source>
        <translation>Este archivo tiene su propio texto: no hizo falta leer ninguna página.</translation>
    </message>
    <message>
        <source>{label} (page {page})</source>
        <translation>{label} (página {page})</translation>
    </message>
    <message>
        <source>Read from the scan of “{filename}”, page {page}, and checked against the page.</source>
        <translation>Leído del escaneo de “{filename}”, página {page}, y comparado con la página.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search everything (Ctrl+F)</source>
        <translation>Buscar en todo (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Buscar en todo</translation>
    </message>
    <message>
        <source>{count} found for “{text}”. Press Enter to open the first, or choose one; Escape goes back.</source>
        <translation>{count} encontrados para “{text}”. Pulse Intro para abrir el primero, o elija uno; Escape vuelve atrás.</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>What the search found</source>
        <translation>Lo que encontró la búsqueda</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”. Check the spelling, or try fewer or shorter words.</source>
        <translation>No se encontró nada para “{text}”. Revise cómo está escrito, o pruebe con menos palabras o más cortas.</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
</context>
<context>
    <name>Searcher</name>
    <message>
        <source>The search could not be run. `organizer check` tells whether the data is damaged.</source>
        <translation>No se pudo hacer la búsqueda. `organizer check` indica si los datos están dañados.</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Filter {plural}…</source>
        <translation>Filtrar {plural}…</translation>
    </message>
    <message>
        <source>Filter {plural}</source>
        <translation>Filtrar {plural}</translation>
    </message>
    <message>
        <source>Add {label}</source>
        <translation>Añadir {label}</translation>
    </message>
    <message>
        <source>Add {an}</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add {an} ({nativetext})</source>
        <translation>Añadir ({nativetext})</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Delete the chosen {label}</source>
        <translation>Borrar el elemento elegido ({label})</translation>
    </message>
    <message>
        <source>Delete the chosen item (you can undo it)</source>
        <translation>Borrar el elemento elegido (se puede deshacer)</translation>
    </message>
    <message>
        <source>Not saved yet, and kept for when you come back: </source>
        <translation>Todavía no está guardado, y se conserva para cuando vuelva: </translation>
    </message>
    <message>
        <source>What you typed here before is back; it is not saved yet: </source>
        <translation>Lo que escribió aquí antes ha vuelto; todavía no está guardado: </translation>
    </message>
    <message>
        <source>Add a person first (Person menu).</source>
        <translation>Primero añada una persona (menú Persona).</translation>
    </message>
    <message>
        <source>Delete {label} “{title}”</source>
        <translation>Borrar {label} “{title}”</translation>
    </message>
    <message>
        <source>Deleted {label} “{title}”. To bring it back: Edit › Undo ({undo}).</source>
        <translation>Borrado: {label} “{title}”. Para recuperarlo: Edición › Deshacer ({undo}).</translation>
    </message>
    <message>
        <source>Add a person first: Person › Add person.</source>
        <translation>Primero añada una persona: Persona › Añadir persona.</translation>
    </message>
    <message>
        <source>No {label} matches “{text}”.</source>
        <translation>Nada coincide con “{text}” ({label}).</translation>
    </message>
    <message>
        <source>Show them all</source>
        <translation>Mostrar todo</translation>
    </message>
    <message>
        <source>Added {label} “{title}”.</source>
        <translation>Añadido: {label} “{title}”.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The organizer locked while some of what you typed could not be saved. Type it again:

</source>
        <translation>El organizador se bloqueó mientras parte de lo que escribió no se podía guardar. Escríbalo otra vez:

</translation>
    </message>
    <message>
        <source>Second Opinion Organizer</source>
        <translation>Organizador de Segunda Opinión</translation>
    </message>
    <message>
        <source>Stopped: nothing was changed.</source>
        <translation>Detenido: no se cambió nada.</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Hacer una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>S&amp;eguridad</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after</source>
        <translation>Bloquear &amp;automáticamente después de</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>{minutes} minutes without use</source>
        <translation>{minutes} minutos sin uso</translation>
    </message>
    <message>
        <source>&amp;Change the passphrase…</source>
        <translation>&amp;Cambiar la contraseña…</translation>
    </message>
    <message>
        <source>&amp;Remove the passphrase…</source>
        <translation>&amp;Quitar la contraseña…</translation>
    </message>
    <message>
        <source>&amp;Protect with a passphrase…</source>
        <translation>&amp;Proteger con una contraseña…</translation>
    </message>
    <message>
        <source>Save a backup</source>
        <translation>Guardar una copia de seguridad</translation>
    </message>
    <message>
        <source>The backup is saved and checked: {target}. Keep a copy away from this computer too (a USB stick).</source>
        <translation>La copia de seguridad está guardada y comprobada: {target}. Guarde también una copia fuera de esta computadora (una memoria USB).</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Elija una copia de seguridad para restaurar</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar una copia de seguridad</translation>
    </message>
    <message>
        <source>Replace everything in the organizer with the backup “{name}”?

What is there now is kept aside in the backups folder, so this can be reversed.</source>
        <translation>¿Reemplazar todo el contenido del organizador por la copia de seguridad “{name}”?

Lo que hay ahora se guarda aparte en la carpeta de copias de seguridad, así que se puede revertir.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>The backup is restored.</source>
        <translation>La copia de seguridad está restaurada.</translation>
    </message>
    <message>
        <source>This backup is protected. Type its passphrase:</source>
        <translation>Esta copia de seguridad está protegida. Escriba su contraseña:</translation>
    </message>
    <message>
        <source>Protecting the organizer with your passphrase…</source>
        <translation>Protegiendo el organizador con su contraseña…</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Cambiando la contraseña…</translation>
    </message>
    <message>
        <source>Remove the passphrase</source>
        <translation>Quitar la contraseña</translation>
    </message>
    <message>
        <source>Anyone who can use this computer account will be able to read the organizer. To go on, type the passphrase:</source>
        <translation>Cualquier persona que use esta cuenta de la computadora podrá leer el organizador. Para continuar, escriba la contraseña:</translation>
    </message>
    <message>
        <source>Removing the passphrase…</source>
        <translation>Quitando la contraseña…</translation>
    </message>
</context>
<context>
    <name>StartersDialog</name>
    <message>
        <source>Question starters</source>
        <translation>Preguntas sugeridas</translation>
    </message>
    <message>
        <source>Questions other patients found worth asking</source>
        <translation>Preguntas que a otros pacientes les sirvió hacer</translation>
    </message>
    <message>
        <source>Tick the ones that fit, then add them to this second opinion&apos;s questions. You can change their wording there.</source>
        <translation>Marque las que le sirvan y añádalas a las preguntas de esta segunda opinión. Allí puede cambiar su redacción.</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Every situation</source>
        <translation>Todas las situaciones</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Every topic</source>
        <translation>Todos los temas</translation>
    </message>
    <message>
        <source>Search, e.g. recovery</source>
        <translation>Buscar, p. ej. recuperación</translation>
    </message>
    <message>
        <source>Search the question starters</source>
        <translation>Buscar en las preguntas sugeridas</translation>
    </message>
    <message>
        <source>Situation:</source>
        <translation>Situación:</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>A question of your own, kept among the starters</source>
        <translation>Una pregunta suya, guardada con las sugeridas</translation>
    </message>
    <message>
        <source>Your own question starter</source>
        <translation>Su propia pregunta sugerida</translation>
    </message>
    <message>
        <source>Keep my question</source>
        <translation>Conservar mi pregunta</translation>
    </message>
    <message>
        <source>Reword…</source>
        <translation>Cambiar la redacción…</translation>
    </message>
    <message>
        <source>Change the wording of the selected starter</source>
        <translation>Cambiar la redacción de la pregunta sugerida elegida</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Original wording</source>
        <translation>Redacción original</translation>
    </message>
    <message>
        <source>Show hidden ones</source>
        <translation>Mostrar las ocultas</translation>
    </message>
    <message>
        <source>Add to this case&apos;s questions</source>
        <translation>Añadir a las preguntas de este caso</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No question matches; try other words or “Every topic”.</source>
        <translation>Ninguna pregunta coincide; pruebe otras palabras o “Todos los temas”.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) shown</source>
        <translation>
            <numerusform>%n pregunta mostrada</numerusform>
            <numerusform>%n preguntas mostradas</numerusform>
        </translation>
    </message>
    <message>
        <source>Show again</source>
        <translation>Mostrar otra vez</translation>
    </message>
    <message>
        <source>Add {count} questions to this case</source>
        <translation>Añadir {count} preguntas a este caso</translation>
    </message>
    <message numerus="yes">
        <source>Added %n question(s) to this case.</source>
        <translation>
            <numerusform>Se añadió %n pregunta a este caso.</numerusform>
            <numerusform>Se añadieron %n preguntas a este caso.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TabbedPage</name>
    <message>
        <source>Parts of this section</source>
        <translation>Partes de esta sección</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock your organizer</source>
        <translation>Desbloquee su organizador</translation>
    </message>
    <message>
        <source>Your organizer is locked</source>
        <translation>Su organizador está bloqueado</translation>
    </message>
    <message>
        <source>Type your passphrase to open it. Your health information stays encrypted on this computer until you do.</source>
        <translation>Escriba su contraseña para abrirlo. Su información de salud sigue cifrada en esta computadora hasta que lo haga.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Unlock problem</source>
        <translation>Problema al desbloquear</translation>
    </message>
    <message>
        <source>Forgot it? A lost passphrase cannot be recovered, by anyone. If you kept an unencrypted backup, you can restore that.</source>
        <translation>¿La olvidó? Nadie puede recuperar una contraseña perdida. Si guardó una copia de seguridad sin cifrar, puede restaurarla.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Primero escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>VisitModeWindow</name>
    <message>
        <source>Visit mode</source>
        <translation>Modo cita</translation>
    </message>
    <message>
        <source>No questions were written down for this visit. Add one below, or just take notes on the right.</source>
        <translation>No se anotaron preguntas para esta cita. Añada una abajo, o simplemente tome notas a la derecha.</translation>
    </message>
    <message>
        <source>Another question that came up</source>
        <translation>Otra pregunta que surgió</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>Añadir una pregunta</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Anything the doctor says: names, numbers, next steps</source>
        <translation>Todo lo que diga el médico: nombres, números, próximos pasos</translation>
    </message>
    <message>
        <source>Notes of the visit</source>
        <translation>Notas de la cita</translation>
    </message>
    <message>
        <source>Everything you type is saved as you go.</source>
        <translation>Todo se guarda mientras escribe.</translation>
    </message>
    <message>
        <source>Saving status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>The visit is over: mark it done</source>
        <translation>Marcar la cita como hecha</translation>
    </message>
    <message>
        <source>Close visit mode</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Visit{doctor} — {when}{value}</source>
        <translation>Cita{doctor} — {when}{value}</translation>
    </message>
    <message>
        <source> at </source>
        <translation> a las </translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Not saved yet: {failed} What you typed is still here; the app keeps trying.</source>
        <translation>Todavía no está guardado: {failed} Lo que escribió sigue aquí; la aplicación lo sigue intentando.</translation>
    </message>
    <message>
        <source>All saved.</source>
        <translation>Todo guardado.</translation>
    </message>
    <message>
        <source>Type visit notes</source>
        <translation>Escribir notas de la cita</translation>
    </message>
    <message>
        <source>Type an answer</source>
        <translation>Escribir una respuesta</translation>
    </message>
    <message>
        <source>Tick a question as asked</source>
        <translation>Marcar una pregunta como hecha</translation>
    </message>
    <message>
        <source>Untick a question</source>
        <translation>Desmarcar una pregunta</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>No guardado: {exc}</translation>
    </message>
    <message>
        <source>Mark the visit as done</source>
        <translation>Marcar la cita como hecha</translation>
    </message>
    <message>
        <source>The visit is marked as done. All saved.</source>
        <translation>La cita está marcada como hecha. Todo guardado.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Second Opinion Organizer</source>
        <translation>Bienvenido al Organizador de Segunda Opinión</translation>
    </message>
    <message>
        <source>Keep the diagnoses, medications, records and questions of the people you care for in one place on this computer, and make the packet to bring to the doctor who gives a second opinion.

Everything stays on this computer; nothing is sent anywhere.</source>
        <translation>Guarde en un solo lugar de esta computadora los diagnósticos, medicamentos, registros y preguntas de las personas que cuida, y prepare el paquete para llevar al médico que da la segunda opinión.

Todo se queda en esta computadora; no se envía nada a ninguna parte.</translation>
    </message>
    <message>
        <source>Add the first person</source>
        <translation>Añadir la primera persona</translation>
    </message>
    <message>
        <source>Explore with example data</source>
        <translation>Explorar con datos de ejemplo</translation>
    </message>
    <message>
        <source>Opens made-up people in a separate window. Your own information is not touched.</source>
        <translation>Abre personas inventadas en una ventana aparte. Su propia información no se toca.</translation>
    </message>
    <message>
        <source>The example opens in its own window, marked as example data. Nothing you change there is kept.</source>
        <translation>El ejemplo se abre en su propia ventana, marcada como datos de ejemplo. Nada de lo que cambie ahí se conserva.</translation>
    </message>
    <message>
        <source>How a second opinion works</source>
        <translation>Cómo funciona una segunda opinión</translation>
    </message>
    <message>
        <source>How a second opinion works: the ten steps</source>
        <translation>Cómo funciona una segunda opinión: los diez pasos</translation>
    </message>
    <message>
        <source>The ten steps of a second opinion, in plain words</source>
        <translation>Los diez pasos de una segunda opinión, en palabras sencillas</translation>
    </message>
</context>
<context>
    <name>_PassphraseDialog</name>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>&amp;Type it again:</source>
        <translation>&amp;Escríbala otra vez:</translation>
    </message>
    <message>
        <source>At least {min_passphrase} characters. A few ordinary words in a row are easy to remember and hard to guess.</source>
        <translation>Al menos {min_passphrase} caracteres. Unas cuantas palabras comunes seguidas son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>Save an encrypted backup right after (recommended)</source>
        <translation>Guardar después una copia cifrada (recomendado)</translation>
    </message>
    <message>
        <source>Save an encrypted backup</source>
        <translation>Guardar una copia de seguridad cifrada</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Escriba su contraseña actual.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least {min_passphrase} characters.</source>
        <translation>Elija una contraseña de al menos {min_passphrase} caracteres.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same. Type them again.</source>
        <translation>Las dos contraseñas nuevas no son iguales. Escríbalas otra vez.</translation>
    </message>
</context>
<context>
    <name>_QuestionBox</name>
    <message>
        <source>Asked</source>
        <translation>Preguntada</translation>
    </message>
    <message>
        <source>Question {number} asked</source>
        <translation>Pregunta {number} hecha</translation>
    </message>
    <message>
        <source>Type the answer here</source>
        <translation>Escriba la respuesta aquí</translation>
    </message>
    <message>
        <source>Answer to question {number}</source>
        <translation>Respuesta a la pregunta {number}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Second Opinion Organizer</source>
        <translation>Organizador de Segunda Opinión</translation>
    </message>
</context>
<context>
    <name>case_checklist</name>
    <message>
        <source>Who you spoke to, when, and the reference number</source>
        <translation>Con quién habló, cuándo, y el número de referencia</translation>
    </message>
    <message>
        <source>What was sent, how, and any tracking number</source>
        <translation>Qué se envió, cómo, y el número de seguimiento si lo hay</translation>
    </message>
    <message>
        <source>Date done</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>date done</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>Step {row} done</source>
        <translation>Paso {row} hecho</translation>
    </message>
    <message>
        <source>Step {row}: date done</source>
        <translation>Paso {row}: fecha en que se hizo</translation>
    </message>
    <message>
        <source>Step {row}: note</source>
        <translation>Paso {row}: nota</translation>
    </message>
    <message>
        <source>Step {step} done</source>
        <translation>Paso {step} hecho</translation>
    </message>
    <message>
        <source>Step {step}: date done</source>
        <translation>Paso {step}: fecha en que se hizo</translation>
    </message>
    <message>
        <source>Step {step}: note</source>
        <translation>Paso {step}: nota</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>case_common</name>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>case_opinions</name>
    <message>
        <source>✔  Agrees with the first opinion</source>
        <translation>✔  Coincide con la primera opinión</translation>
    </message>
    <message>
        <source>◐  Partly agrees with the first opinion</source>
        <translation>◐  Coincide en parte con la primera opinión</translation>
    </message>
    <message>
        <source>✘  Disagrees with the first opinion</source>
        <translation>✘  No coincide con la primera opinión</translation>
    </message>
    <message>
        <source>●  This is the first opinion</source>
        <translation>●  Esta es la primera opinión</translation>
    </message>
    <message>
        <source>?  Agreement not noted yet</source>
        <translation>?  Todavía no se anotó si coincide</translation>
    </message>
</context>
<context>
    <name>case_treatments</name>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source> with {name}</source>
        <translation> con {name}</translation>
    </message>
</context>
<context>
    <name>disc_dialog</name>
    <message>
        <source>Choose the imaging disc (its drive, or the folder with its DICOMDIR)</source>
        <translation>Elija el disco de imágenes (su unidad, o la carpeta con su DICOMDIR)</translation>
    </message>
</context>
<context>
    <name>doctor_chooser</name>
    <message>
        <source>Add a new doctor…</source>
        <translation>Añadir un médico nuevo…</translation>
    </message>
</context>
<context>
    <name>empty_state</name>
    <message>
        <source>No diagnosis written down yet. Add the diagnosis the doctors gave you, even if it is only suspected.</source>
        <translation>Todavía no hay ningún diagnóstico anotado. Añada el diagnóstico que le dieron los médicos, aunque solo sea una sospecha.</translation>
    </message>
    <message>
        <source>No medication yet. Add each medicine you take, with its dose: the list to bring to a visit is made from it.</source>
        <translation>Todavía no hay medicamentos. Añada cada medicina que toma, con su dosis: con ella se hace la lista para llevar a una cita.</translation>
    </message>
    <message>
        <source>No allergy written down. Add any medicine, food or material that caused a reaction. If there is none, say so in Person › Edit person.</source>
        <translation>No hay alergias anotadas. Añada cualquier medicina, alimento o material que le haya causado una reacción. Si no tiene ninguna, indíquelo en Persona › Editar persona.</translation>
    </message>
    <message>
        <source>No immunization yet. Add the vaccines you had, with the date if you know it.</source>
        <translation>Todavía no hay vacunas. Añada las vacunas que recibió, con la fecha si la sabe.</translation>
    </message>
    <message>
        <source>No procedure yet. Add operations, biopsies and scans you had.</source>
        <translation>Todavía no hay procedimientos. Añada las operaciones, biopsias y estudios de imagen que le hicieron.</translation>
    </message>
    <message>
        <source>No test result yet. Add the values from your lab reports, with their date.</source>
        <translation>Todavía no hay resultados de pruebas. Añada los valores de sus informes de laboratorio, con su fecha.</translation>
    </message>
    <message>
        <source>No question yet. Write down what you want to ask the doctor, as it comes to mind.</source>
        <translation>Todavía no hay preguntas. Anote lo que quiere preguntarle al médico, a medida que se le ocurra.</translation>
    </message>
    <message>
        <source>No visit yet. Add your appointments, coming and past.</source>
        <translation>Todavía no hay citas. Añada sus citas, próximas y pasadas.</translation>
    </message>
    <message>
        <source>No one in the care team yet. Add your doctors and their offices, so that records and reports go to the right place.</source>
        <translation>Todavía no hay nadie en el equipo médico. Añada a sus médicos y sus consultorios, para que los registros e informes lleguen al lugar correcto.</translation>
    </message>
    <message>
        <source>Nothing in the journal yet. A few words about how you feel today help you remember later.</source>
        <translation>Todavía no hay nada en el diario. Unas palabras sobre cómo se siente hoy le ayudan a recordar después.</translation>
    </message>
    <message>
        <source>No request for copies yet. When you ask an office for your records, note it here; the Overview reminds you after 30 days.</source>
        <translation>Todavía no hay solicitudes de copias. Cuando pida sus registros a un consultorio, anótelo aquí; el Resumen se lo recuerda a los 30 días.</translation>
    </message>
    <message>
        <source>No records yet. Add your reports, test results and letters: drop the files here or press the button.</source>
        <translation>Todavía no hay registros. Añada sus informes, resultados de pruebas y cartas: suelte los archivos aquí o pulse el botón.</translation>
    </message>
    <message>
        <source>This record has not been sent to anyone yet.</source>
        <translation>Este registro todavía no se ha enviado a nadie.</translation>
    </message>
    <message>
        <source>No {plural} yet.</source>
        <translation>Todavía no hay {plural}.</translation>
    </message>
</context>
<context>
    <name>error_dialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong that the organizer did not expect, and it stopped what it was doing. What you saved before is safe; the last change may not have been made, so check it and try once more.</source>
        <translation>Pasó algo que el organizador no esperaba, y dejó de hacer lo que estaba haciendo. Lo que guardó antes está a salvo; puede que el último cambio no se haya hecho, así que revíselo e inténtelo una vez más.</translation>
    </message>
    <message>
        <source>If it happens again, press “Copy details” and paste them into a message to whoever helps you with the organizer. They hold no health information: only where in the program it went wrong.</source>
        <translation>Si vuelve a pasar, pulse “Copiar los detalles” y péguelos en un mensaje para quien le ayude con el organizador. No contienen información de salud: solo en qué parte del programa falló.</translation>
    </message>
    <message>
        <source>
(also written to {name} in the data folder)</source>
        <translation>
(también anotado en {name}, en la carpeta de datos)</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>help_dialog</name>
    <message>
        <source>Your own doctor usually knows who is good at your condition, and most doctors expect to be asked. Asking for a second opinion is normal and will not offend them.</source>
        <translation>Su propio médico suele saber quién sabe mucho de su problema de salud, y la mayoría de los médicos esperan que se lo pidan. Pedir una segunda opinión es normal y no les ofende.</translation>
    </message>
    <message>
        <source>Many plans pay for a second opinion, some only if you ask first. Write down whom you spoke to, the date and the reference number, in case of a dispute later.</source>
        <translation>Muchos seguros pagan una segunda opinión, algunos solo si lo pide antes. Anote con quién habló, la fecha y el número de referencia, por si hay un problema después.</translation>
    </message>
    <message>
        <source>The second doctor can only give a real opinion with your records in hand, so leave a week or two between sending them and the visit.</source>
        <translation>El segundo médico solo puede dar una opinión de verdad con sus registros delante, así que deje una o dos semanas entre el envío y la cita.</translation>
    </message>
    <message>
        <source>Reports, test results, scans and pathology slides travel separately and often late. In the app, mark what was sent and when it arrived.</source>
        <translation>Los informes, resultados, estudios de imagen y laminillas de patología viajan por separado y a menudo tarde. En la aplicación, marque qué se envió y cuándo llegó.</translation>
    </message>
    <message>
        <source>Include the doses and how often you take them, and vitamins and remedies too. The packet prints this list on its first page.</source>
        <translation>Incluya las dosis y cada cuánto las toma, y también vitaminas y remedios. El paquete imprime esta lista en su primera página.</translation>
    </message>
    <message>
        <source>Worried people forget questions in the doctor&apos;s office. Write them down, most important first; the packet prints them with room for the answers.</source>
        <translation>Con los nervios, en el consultorio se olvidan las preguntas. Anótelas, la más importante primero; el paquete las imprime con espacio para las respuestas.</translation>
    </message>
    <message>
        <source>Visit mode (on the second opinion&apos;s page) shows your questions one by one and saves each note as you type, so you can listen and write at the same time. Bringing someone with you helps.</source>
        <translation>El modo cita (en la página de la segunda opinión) muestra sus preguntas una a una y guarda cada nota mientras escribe, para que pueda escuchar y escribir a la vez. Ayuda ir acompañado.</translation>
    </message>
    <message>
        <source>Your primary doctor should see the second doctor&apos;s report, so that everyone who cares for you knows what was said.</source>
        <translation>Su médico de cabecera debe ver el informe del segundo médico, para que todos los que le atienden sepan lo que se dijo.</translation>
    </message>
    <message>
        <source>If the two opinions differ, your primary doctor can help you weigh them. The case page puts the options side by side.</source>
        <translation>Si las dos opiniones no coinciden, su médico de cabecera puede ayudarle a sopesarlas. La página del caso pone las opciones una al lado de la otra.</translation>
    </message>
    <message>
        <source>When you decide, write down what and why. Months later it helps to remember how you chose, and the others who care for you can see it too.</source>
        <translation>Cuando decida, anote qué y por qué. Meses después ayuda a recordar cómo eligió, y los demás que le cuidan también pueden verlo.</translation>
    </message>
    <message>
        <source>How a second opinion works</source>
        <translation>Cómo funciona una segunda opinión</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{steps_title}&lt;/h2&gt;&lt;p&gt;A second opinion means asking another doctor to look at your diagnosis and the treatment proposed, before you decide. It usually takes a few weeks. These are the {steps} steps; each new second opinion you add in this app gets them as its checklist, so you can tick them off one by one.&lt;/p&gt;&lt;ol&gt;{items}&lt;/ol&gt;&lt;p&gt;Everything you write stays on this computer; nothing is sent anywhere.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{steps_title}&lt;/h2&gt;&lt;p&gt;Una segunda opinión es pedirle a otro médico que revise su diagnóstico y el tratamiento propuesto antes de decidir. Suele llevar unas semanas. Estos son los {steps} pasos; cada segunda opinión nueva que añada en esta aplicación los recibe como su lista, para que los vaya marcando uno a uno.&lt;/p&gt;&lt;ol&gt;{items}&lt;/ol&gt;&lt;p&gt;Todo lo que escribe se queda en esta computadora; no se envía nada a ninguna parte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add the person</source>
        <translation>Añada a la persona</translation>
    </message>
    <message>
        <source>Use &lt;b&gt;Person › Add person…&lt;/b&gt; for yourself or for the person you care for. You can keep several people, each on their own.</source>
        <translation>Use &lt;b&gt;Persona › Añadir persona…&lt;/b&gt; para usted o para la persona que cuida. Puede tener varias personas, cada una por separado.</translation>
    </message>
    <message>
        <source>Add the diagnosis</source>
        <translation>Añada el diagnóstico</translation>
    </message>
    <message>
        <source>Open &lt;b&gt;Conditions&lt;/b&gt; on the left and add what the doctor found, with the date and who said it.</source>
        <translation>Abra &lt;b&gt;Problemas de salud&lt;/b&gt; a la izquierda y añada lo que encontró el médico, con la fecha y quién lo dijo.</translation>
    </message>
    <message>
        <source>Start a second opinion</source>
        <translation>Empezar una segunda opinión</translation>
    </message>
    <message>
        <source>Open &lt;b&gt;Second opinions&lt;/b&gt; and add one: write the question you want answered in one sentence. It gets a checklist of the {steps} steps (see &lt;b&gt;Help › {steps_title}&lt;/b&gt;).</source>
        <translation>Abra &lt;b&gt;Segundas opiniones&lt;/b&gt; y añada una: escriba en una frase la pregunta que quiere que le respondan. Recibe una lista de los {steps} pasos (vea &lt;b&gt;Ayuda › {steps_title}&lt;/b&gt;).</translation>
    </message>
    <message>
        <source>Add medications and allergies</source>
        <translation>Añada medicamentos y alergias</translation>
    </message>
    <message>
        <source>So that the second doctor knows what you take and what you must not be given.</source>
        <translation>Para que el segundo médico sepa qué toma y qué no se le debe dar.</translation>
    </message>
    <message>
        <source>Attach your records</source>
        <translation>Adjunte sus registros</translation>
    </message>
    <message>
        <source>Use &lt;b&gt;File › Add records from files…&lt;/b&gt;, or drag PDF files and pictures onto the window. A file downloaded from a patient portal comes in with &lt;b&gt;File › Import from a patient portal file…&lt;/b&gt;.</source>
        <translation>Use &lt;b&gt;Archivo › Añadir registros desde archivos…&lt;/b&gt;, o arrastre archivos PDF y fotos a la ventana. Un archivo descargado de un portal del paciente entra con &lt;b&gt;Archivo › Importar un archivo del portal del paciente…&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Write your questions</source>
        <translation>Escriba sus preguntas</translation>
    </message>
    <message>
        <source>On the second opinion&apos;s page, or from the ready-made question starters.</source>
        <translation>En la página de la segunda opinión, o a partir de las preguntas sugeridas.</translation>
    </message>
    <message>
        <source>Make the packet</source>
        <translation>Haga el paquete</translation>
    </message>
    <message>
        <source>&lt;b&gt;File › Make packet for the doctor…&lt;/b&gt; puts everything in one PDF to print, or to send ahead. Costs and insurance are left out unless you tick them.</source>
        <translation>&lt;b&gt;Archivo › Hacer el paquete para el médico…&lt;/b&gt; reúne todo en un PDF para imprimir o enviar antes. Los costos y el seguro se dejan fuera salvo que los marque.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{start_title}&lt;/h2&gt;&lt;p&gt;A few minutes is enough to begin; you can fill in the rest over time. Every change is saved at once, and &lt;b&gt;Edit › Undo&lt;/b&gt; takes back a mistake.&lt;/p&gt;&lt;ol&gt;{items}&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Everything stays on this computer.&lt;/b&gt; The app never uses the internet, and nothing is sent anywhere unless you print it or save it yourself.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{start_title}&lt;/h2&gt;&lt;p&gt;Con unos minutos basta para empezar; lo demás puede completarlo con el tiempo. Cada cambio se guarda al momento, y &lt;b&gt;Edición › Deshacer&lt;/b&gt; corrige un error.&lt;/p&gt;&lt;ol&gt;{items}&lt;/ol&gt;&lt;p&gt;&lt;b&gt;Todo se queda en esta computadora.&lt;/b&gt; La aplicación nunca usa internet, y no se envía nada a ninguna parte salvo que usted lo imprima o lo guarde.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>item_form</name>
    <message>
        <source>a whole number</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>an amount, e.g. 1250.00</source>
        <translation>un importe, p. ej. 1250.00</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>Medication list</source>
        <translation>Lista de medicamentos</translation>
    </message>
    <message>
        <source>Questions for the doctor</source>
        <translation>Preguntas para el médico</translation>
    </message>
    <message>
        <source>Visit summary for the primary doctor</source>
        <translation>Resumen de la cita para el médico de cabecera</translation>
    </message>
    <message>
        <source>Records request letter</source>
        <translation>Carta para pedir registros</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>“{text}” could not be {word}: {exc} Nothing was changed; the undo history was cleared.</source>
        <translation>No se pudo {word} “{text}”: {exc} No se cambió nada; se borró el historial para deshacer.</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Asking for copies</source>
        <translation>Pedir copias</translation>
    </message>
    <message>
        <source>Asking for copies of records</source>
        <translation>Pedir copias de registros</translation>
    </message>
    <message>
        <source>Each time you ask a doctor&apos;s office for copies of your records: what you asked for and when. After 30 days without them, the Overview reminds you.</source>
        <translation>Cada vez que pide copias de sus registros a un consultorio: qué pidió y cuándo. Si a los 30 días no las tiene, el Resumen se lo recuerda.</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Problemas de salud</translation>
    </message>
    <message>
        <source>Diagnoses, suspected or confirmed, with who made them and when.</source>
        <translation>Diagnósticos, sospechados o confirmados, con quién los hizo y cuándo.</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Medicamentos</translation>
    </message>
    <message>
        <source>Everything taken now or before. The list to bring to a visit is made from those marked “Currently taking”.</source>
        <translation>Todo lo que se toma ahora o se tomó antes. La lista para llevar a una cita se hace con los marcados “Lo toma ahora”.</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Alergias</translation>
    </message>
    <message>
        <source>Anything that caused a reaction: medicines, foods, materials.</source>
        <translation>Todo lo que causó una reacción: medicinas, alimentos, materiales.</translation>
    </message>
    <message>
        <source>Questions for the doctor</source>
        <translation>Preguntas para el médico</translation>
    </message>
    <message>
        <source>Write questions down as they come. During the visit, tick each one as asked and note the answer.</source>
        <translation>Anote las preguntas a medida que surjan. Durante la cita, marque cada una al hacerla y anote la respuesta.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Appointments coming up and past, and what came out of them.</source>
        <translation>Citas próximas y pasadas, y lo que salió de ellas.</translation>
    </message>
    <message>
        <source>Care team</source>
        <translation>Equipo médico</translation>
    </message>
    <message>
        <source>Doctors, nurses, therapists and offices: who they are and how to reach them.</source>
        <translation>Médicos, enfermeras, terapeutas y consultorios: quiénes son y cómo contactarlos.</translation>
    </message>
    <message>
        <source>Immunizations</source>
        <translation>Vacunas</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedimientos</translation>
    </message>
    <message>
        <source>Operations, biopsies, scans and other procedures.</source>
        <translation>Operaciones, biopsias, estudios de imagen y otros procedimientos.</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Resultados de pruebas</translation>
    </message>
    <message>
        <source>Lab values and other measurements, with their date.</source>
        <translation>Valores de laboratorio y otras mediciones, con su fecha.</translation>
    </message>
    <message>
        <source>Results over time</source>
        <translation>Resultados en el tiempo</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Symptoms, side effects, how you feel: a few words now help you remember later.</source>
        <translation>Síntomas, efectos secundarios, cómo se siente: unas pocas palabras ahora le ayudan a recordar después.</translation>
    </message>
</context>
<context>
    <name>passphrase_dialogs</name>
    <message>
        <source>Important: if you forget this passphrase, nobody can open your organizer again — not us, not a technician, no one. There is no reset. Write it down and keep it somewhere safe, away from this computer.</source>
        <translation>Importante: si olvida esta contraseña, nadie podrá volver a abrir su organizador: ni nosotros, ni un técnico, nadie. No se puede restablecer. Anótela y guárdela en un lugar seguro, lejos de esta computadora.</translation>
    </message>
</context>
<context>
    <name>records_page</name>
    <message>
        <source>Physical item: {where}</source>
        <translation>Objeto físico: {where}</translation>
    </message>
    <message>
        <source>Physical item</source>
        <translation>Objeto físico</translation>
    </message>
</context>
<context>
    <name>results_chart</name>
    <message>
        <source>{value} (no date)</source>
        <translation>{value} (sin fecha)</translation>
    </message>
</context>
<context>
    <name>saved_indicator</name>
    <message>
        <source>Everything is saved on this computer.</source>
        <translation>Todo está guardado en esta computadora.</translation>
    </message>
    <message>
        <source>Saved just now</source>
        <translation>Guardado hace un momento</translation>
    </message>
    <message>
        <source>Saved a minute ago</source>
        <translation>Guardado hace un minuto</translation>
    </message>
    <message>
        <source>Saved {minutes} minutes ago</source>
        <translation>Guardado hace {minutes} minutos</translation>
    </message>
    <message>
        <source>Saved at {tm_hour:02d}:{tm_min:02d}</source>
        <translation>Guardado a las {tm_hour:02d}:{tm_min:02d}</translation>
    </message>
</context>
<context>
    <name>scan_text</name>
    <message>
        <source>Text read from the scan — check it against the page</source>
        <translation>Texto leído del escaneo: compárelo con la página</translation>
    </message>
    <message>
        <source>The pages of this file are waiting to be read (the record can be used meanwhile).</source>
        <translation>Las páginas de este archivo están esperando a ser leídas (mientras tanto se puede usar el registro).</translation>
    </message>
    <message>
        <source>The pages of this file were not read (it was added without reading).</source>
        <translation>Las páginas de este archivo no se leyeron (se añadió sin leerlo).</translation>
    </message>
    <message>
        <source>The pages of this file could not be read: the picture may be damaged. The file is kept as it is.</source>
        <translation>No se pudieron leer las páginas de este archivo: puede que la imagen esté dañada. El archivo se guarda tal cual.</translation>
    </message>
    <message>
        <source>The pages could not be read on this computer: the English and Spanish reading data are missing. Install tesseract-ocr-eng and tesseract-ocr-spa (see the README), then press “Read the pages”.</source>
        <translation>No se pudieron leer las páginas en esta computadora: faltan los datos de lectura en inglés y en español. Instale tesseract-ocr-eng y tesseract-ocr-spa (vea el README) y luego pulse “Leer las páginas”.</translation>
    </message>
    <message>
        <source>— Page {page} (read with {confidence:.0f}% confidence) —</source>
        <translation>— Página {page} (leída con un {confidence:.0f}% de confianza) —</translation>
    </message>
    <message>
        <source>(no words found on this page)</source>
        <translation>(no se encontraron palabras en esta página)</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Second opinions</source>
        <translation>Segundas opiniones</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Problemas de salud</translation>
    </message>
    <message>
        <source>Medications &amp; allergies</source>
        <translation>Medicamentos y alergias</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Questions for the doctor</source>
        <translation>Preguntas al médico</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Care team</source>
        <translation>Equipo médico</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
</context>
<context>
    <name>single_instance</name>
    <message>
        <source>Second Opinion Organizer is already open on this computer for these data. Its window has been brought to the front.</source>
        <translation>El Organizador de Segunda Opinión ya está abierto en esta computadora con estos datos. Se ha traído su ventana al frente.</translation>
    </message>
</context>
<context>
    <name>theme</name>
    <message>
        <source>Same as the system</source>
        <translation>La misma que el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clara</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscura</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Con retraso</translation>
    </message>
    <message>
        <source>Disagrees</source>
        <translation>No coincide</translation>
    </message>
</context>
<context>
    <name>type_views</name>
    <message>
        <source>Taking</source>
        <translation>Lo toma</translation>
    </message>
    <message>
        <source>Works at</source>
        <translation>Trabaja en</translation>
    </message>
</context>
</TS>
