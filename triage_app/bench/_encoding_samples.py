"""Text for `bench encodings`: one paragraph per language, written for it, in two sets.

DEV is the text the legacy-codepage rules of the sixteenth session were written against (their figures are
development figures); CHECK was written after those rules were fixed, on another subject (a night's flooding),
and is the set to report. CODEPAGES names, per language, the legacy codepages it is encoded in. Romanian is also
written with s and t cedilla ("ro-cedilla"), as cp1250 and ISO-8859-2 have them.
"""

from __future__ import annotations

# ruff: noqa: E501, RUF001

DEV: dict[str, str] = {
    'fr': "Le conseil municipal a décidé mercredi de rénover l'école du quartier. Les élèves, déçus par les retards, espèrent que les travaux seront achevés à la rentrée. « C'est une très bonne nouvelle », a déclaré la directrice, qui dépend à la fois de la mairie et du rectorat. Où en est le budget ? Personne ne le sait vraiment.",
    'de': 'Der Stadtrat hat am Mittwoch beschlossen, die Grundschule im Süden der Stadt zu sanieren. Die Bauarbeiten sollen nächste Woche beginnen und über drei Jahre dauern. „Für die Kinder ist das eine große Verbesserung“, sagte die Bürgermeisterin. Die Kosten trägt größtenteils das Land; Anwohner müssen mit Lärm rechnen.',
    'es': 'El ayuntamiento aprobó el miércoles la reforma de la escuela del barrio. Los niños, que llevan años esperando, podrán volver a las aulas en otoño. «Es una noticia magnífica», dijo la directora. Según el pliego, la obra costará dos millones de euros y empezará en enero; aún no se sabe quién pagará la calefacción.',
    'pt': 'A câmara municipal aprovou na quarta-feira a reforma da escola do bairro. As crianças, que esperam há anos, poderão voltar às salas no outono. «É uma notícia excelente», disse a diretora. Segundo o caderno de encargos, a obra custará dois milhões de euros e começará em janeiro; ainda não se sabe quem pagará o aquecimento.',
    'it': "Il consiglio comunale ha approvato mercoledì la ristrutturazione della scuola del quartiere. I bambini, che aspettano da anni, potranno tornare in classe in autunno. «È una notizia splendida», ha detto la direttrice. Secondo il capitolato, l'opera costerà due milioni di euro e inizierà a gennaio; non si sa ancora chi pagherà il riscaldamento. Perché così tardi?",
    'nl': 'De gemeenteraad heeft woensdag besloten de basisschool in het zuiden van de stad te renoveren. De werkzaamheden beginnen volgende week en duren drie jaar. ‘Voor de kinderen is dit een grote verbetering’, zei de burgemeester. De kosten worden grotendeels door de provincie gedragen; omwonenden moeten rekening houden met geluidsoverlast. Ook de financiële positie van de school wordt geëvalueerd.',
    'sv': 'Kommunfullmäktige beslutade på onsdagen att renovera skolan i stadens södra del. Arbetet börjar nästa vecka och väntas pågå i tre år. ”Det är en stor förbättring för barnen”, sade kommunalrådet. Kostnaderna bärs till största delen av staten; grannarna får räkna med buller under våren.',
    'da': 'Byrådet besluttede onsdag at renovere skolen i byens sydlige del. Arbejdet går i gang i næste uge og ventes at vare tre år. »Det er en stor forbedring for børnene«, sagde borgmesteren. Udgifterne bæres for størstedelens vedkommende af staten; naboerne må regne med støj i løbet af foråret.',
    'no': 'Bystyret vedtok onsdag å pusse opp skolen i den søndre delen av byen. Arbeidet begynner neste uke og ventes å vare i tre år. «Det er en stor forbedring for barna», sa ordføreren. Kostnadene bæres for det meste av staten; naboene må regne med støy gjennom våren og sommeren.',
    'fi': 'Kaupunginvaltuusto päätti keskiviikkona peruskorjata kaupungin eteläosan koulun. Työt alkavat ensi viikolla ja kestävät kolme vuotta. ”Tämä on lapsille suuri parannus”, sanoi pormestari. Valtio maksaa suurimman osan kustannuksista; naapurien on varauduttava meluun kevään aikana.',
    'is': 'Borgarstjórn ákvað á miðvikudag að endurnýja skólann í suðurhluta borgarinnar. Framkvæmdir hefjast í næstu viku og eiga að taka þrjú ár. „Þetta er mikil framför fyrir börnin,“ sagði borgarstjórinn. Ríkið greiðir mestan hluta kostnaðarins; nágrannar mega búast við hávaða í vor.',
    'pl': 'Rada miasta zdecydowała w środę o remoncie szkoły w południowej części miasta. Prace rozpoczną się w przyszłym tygodniu i potrwają trzy lata. „To dla dzieci ogromna poprawa” – powiedziała burmistrz. Większość kosztów poniesie państwo; sąsiedzi muszą się liczyć z hałasem przez całą wiosnę. Żółć, gęś i łódź też się zmieszczą.',
    'cs': 'Městské zastupitelstvo ve středu rozhodlo o rekonstrukci školy v jižní části města. Práce začnou příští týden a potrvají tři roky. „Pro děti je to obrovské zlepšení,“ řekla starostka. Většinu nákladů zaplatí stát; sousedé musí počítat s hlukem po celé jaro. Příliš žluťoučký kůň úpěl ďábelské ódy.',
    'sk': 'Mestské zastupiteľstvo v stredu rozhodlo o rekonštrukcii školy v južnej časti mesta. Práce sa začnú budúci týždeň a potrvajú tri roky. „Pre deti je to obrovské zlepšenie,“ povedala primátorka. Väčšinu nákladov zaplatí štát; susedia musia počítať s hlukom počas celej jari. Kŕdeľ ďatľov učí koňa žrať kôru.',
    'hu': 'A városi közgyűlés szerdán döntött a város déli részén álló iskola felújításáról. A munkálatok jövő héten kezdődnek, és három évig tartanak. „Ez óriási előrelépés a gyerekeknek” – mondta a polgármester. A költségek nagy részét az állam fizeti; a szomszédoknak egész tavasszal zajra kell számítaniuk. Árvíztűrő tükörfúrógép.',
    'sl': 'Mestni svet je v sredo odločil o prenovi šole v južnem delu mesta. Dela se bodo začela prihodnji teden in bodo trajala tri leta. »Za otroke je to velika izboljšava,« je dejala županja. Večino stroškov bo plačala država; sosedje morajo vso pomlad računati s hrupom. Čez žičnico gre šest ljudi.',
    'hr': 'Gradsko vijeće u srijedu je odlučilo o obnovi škole u južnom dijelu grada. Radovi počinju sljedeći tjedan i trajat će tri godine. „Za djecu je to veliko poboljšanje“, rekla je gradonačelnica. Većinu troškova platit će država; susjedi moraju cijelo proljeće računati s bukom. Đak je čuo šum žice i ćutao.',
    'ro': 'Consiliul local a decis miercuri renovarea școlii din partea de sud a orașului. Lucrările încep săptămâna viitoare și vor dura trei ani. „Pentru copii este o îmbunătățire uriașă”, a declarat primarul. Cea mai mare parte a costurilor va fi suportată de stat; vecinii trebuie să se aștepte la zgomot toată primăvara.',
    'tr': 'Belediye meclisi çarşamba günü şehrin güneyindeki okulun yenilenmesine karar verdi. Çalışmalar gelecek hafta başlayacak ve üç yıl sürecek. “Bu, çocuklar için büyük bir gelişme” dedi belediye başkanı. Masrafların büyük kısmını devlet karşılayacak; komşular bahar boyunca gürültüye hazırlıklı olmalı. Işık, ğ ve ş harfleri de var.',
    'ru': 'Городской совет в среду решил отремонтировать школу в южной части города. Работы начнутся на следующей неделе и продлятся три года. «Для детей это огромное улучшение», — сказала мэр. Большую часть расходов возьмёт на себя государство; соседям придётся всю весну мириться с шумом. Съешь же ещё этих мягких французских булок.',
    'uk': 'Міська рада в середу ухвалила рішення відремонтувати школу в південній частині міста. Роботи почнуться наступного тижня і триватимуть три роки. «Для дітей це величезне покращення», — сказала мерка. Більшу частину витрат візьме на себе держава; сусідам доведеться всю весну терпіти шум. Ґанок, їжак, єнот і ще щось.',
    'bg': 'Общинският съвет реши в сряда да ремонтира училището в южната част на града. Работата започва следващата седмица и ще продължи три години. „За децата това е огромно подобрение“, каза кметицата. По-голямата част от разходите ще поеме държавата; съседите трябва да очакват шум през цялата пролет.',
    'el': 'Το δημοτικό συμβούλιο αποφάσισε την Τετάρτη την ανακαίνιση του σχολείου στο νότιο τμήμα της πόλης. Οι εργασίες αρχίζουν την επόμενη εβδομάδα και θα διαρκέσουν τρία χρόνια. «Για τα παιδιά είναι μια τεράστια βελτίωση», δήλωσε η δήμαρχος. Το μεγαλύτερο μέρος του κόστους θα καλύψει το κράτος.',
    'he': 'מועצת העיר החליטה ביום רביעי לשפץ את בית הספר בדרום העיר. העבודות יתחילו בשבוע הבא ויימשכו שלוש שנים. "זה שיפור עצום עבור הילדים", אמרה ראש העיר. את רוב העלויות תממן המדינה; השכנים צריכים להתכונן לרעש במשך כל האביב.',
    'ar': 'قرر المجلس البلدي يوم الأربعاء ترميم المدرسة في الجزء الجنوبي من المدينة. تبدأ الأعمال الأسبوع المقبل وتستمر ثلاث سنوات. وقالت رئيسة البلدية: "هذا تحسن كبير للأطفال". وستتحمل الدولة الجزء الأكبر من التكاليف، وعلى الجيران توقع الضوضاء طوال فصل الربيع.',
    'lt': 'Miesto taryba trečiadienį nusprendė renovuoti mokyklą pietinėje miesto dalyje. Darbai prasidės kitą savaitę ir truks trejus metus. „Vaikams tai didžiulis pagerėjimas“, – sakė merė. Didžiąją dalį išlaidų padengs valstybė; kaimynai turi tikėtis triukšmo visą pavasarį. Įšaldytų ūkių žąsys čiulbėjo.',
    'lv': 'Pilsētas dome trešdien nolēma atjaunot skolu pilsētas dienvidu daļā. Darbi sāksies nākamnedēļ un ilgs trīs gadus. „Bērniem tas ir milzīgs uzlabojums,” sacīja mēre. Lielāko daļu izmaksu segs valsts; kaimiņiem visu pavasari jārēķinās ar troksni. Ģimenē ķēķis un ļoti šņācošs ūdens.',
    'et': 'Linnavolikogu otsustas kolmapäeval renoveerida linna lõunaosas asuva kooli. Tööd algavad järgmisel nädalal ja kestavad kolm aastat. „Laste jaoks on see tohutu edasiminek,” ütles linnapea. Suurema osa kuludest katab riik; naabrid peavad kogu kevade arvestama müraga. Šokolaadi söömine on õige tegevus.',
    'th': 'สภาเมืองมีมติเมื่อวันพุธให้ปรับปรุงโรงเรียนทางตอนใต้ของเมือง งานจะเริ่มในสัปดาห์หน้าและใช้เวลาสามปี นายกเทศมนตรีกล่าวว่านี่เป็นการพัฒนาครั้งใหญ่สำหรับเด็ก ๆ รัฐบาลจะรับผิดชอบค่าใช้จ่ายส่วนใหญ่ และเพื่อนบ้านต้องเตรียมรับเสียงดังตลอดฤดูใบไม้ผลิ',
}

CHECK: dict[str, str] = {
    'fr': "Les pluies torrentielles de la nuit ont inondé plusieurs rues du centre-ville. Les pompiers sont intervenus à plus de quarante reprises ; aucune victime n'est à déplorer. « Nous n'avions jamais vu ça depuis 1999 », raconte un commerçant dont la boutique a été dévastée. La préfecture a déclenché l'alerte orange jusqu'à jeudi.",
    'de': 'Nach den heftigen Regenfällen der Nacht standen mehrere Straßen der Innenstadt unter Wasser. Die Feuerwehr rückte über vierzigmal aus; verletzt wurde niemand. „So etwas haben wir seit 1999 nicht erlebt“, erzählt ein Händler, dessen Laden völlig zerstört wurde. Der Wetterdienst warnt bis Donnerstag vor weiteren Gewittern über den Höhenzügen.',
    'es': 'Las lluvias torrenciales de la noche inundaron varias calles del centro. Los bomberos intervinieron más de cuarenta veces; no hubo heridos. «No habíamos visto algo así desde 1999», cuenta un comerciante cuya tienda quedó destrozada. La agencia meteorológica mantiene la alerta naranja hasta el jueves en la montaña y la costa.',
    'pt': 'As chuvas torrenciais da noite inundaram várias ruas do centro. Os bombeiros intervieram mais de quarenta vezes; não houve feridos. «Nunca tínhamos visto nada assim desde 1999», conta um comerciante cuja loja ficou destruída. O instituto de meteorologia mantém o aviso laranja até quinta-feira nas regiões do interior.',
    'it': "Le piogge torrenziali della notte hanno allagato diverse strade del centro. I vigili del fuoco sono intervenuti più di quaranta volte; non ci sono feriti. «Non vedevamo niente di simile dal 1999», racconta un commerciante il cui negozio è stato devastato. La protezione civile ha prolungato l'allerta arancione fino a giovedì.",
    'nl': 'Door de hevige regen van vannacht kwamen meerdere straten in het centrum onder water te staan. De brandweer rukte meer dan veertig keer uit; er vielen geen gewonden. ‘Zoiets hebben we sinds 1999 niet meegemaakt’, vertelt een winkelier wiens zaak volledig verwoest is. Het KNMI handhaaft code oranje tot donderdag; ook de dijken worden gecontroleerd.',
    'sv': 'Nattens skyfall satte flera gator i centrum under vatten. Räddningstjänsten ryckte ut över fyrtio gånger; ingen skadades. ”Något sådant har vi inte sett sedan 1999”, berättar en handlare vars butik förstördes helt. SMHI har förlängt den orange varningen till torsdag för fjällen och kusten.',
    'da': 'Nattens skybrud satte flere gader i centrum under vand. Brandvæsenet rykkede ud over fyrre gange; ingen kom til skade. »Noget lignende har vi ikke set siden 1999«, fortæller en butiksejer, hvis forretning blev ødelagt. DMI har forlænget varslet til torsdag for hele Østjylland og øerne.',
    'no': 'Nattens styrtregn satte flere gater i sentrum under vann. Brannvesenet rykket ut over førti ganger; ingen ble skadet. «Noe lignende har vi ikke sett siden 1999», forteller en butikkeier som fikk hele forretningen ødelagt. Meteorologisk institutt har forlenget farevarselet til torsdag for fjellet og kysten.',
    'fi': 'Yön rankkasade nosti vettä useille keskustan kaduille. Pelastuslaitos hälytettiin yli neljäkymmentä kertaa; kukaan ei loukkaantunut. ”Tällaista emme ole nähneet sitten vuoden 1999”, kertoo kauppias, jonka liike tuhoutui täysin. Ilmatieteen laitos jatkoi oranssia varoitusta torstaihin Lapissa ja rannikolla.',
    'is': 'Úrhellið í nótt olli flóðum í mörgum götum miðbæjarins. Slökkviliðið var kallað út yfir fjörutíu sinnum; enginn slasaðist. „Við höfum ekki séð neitt þessu líkt síðan 1999,“ segir kaupmaður sem missti alla verslunina. Veðurstofan hefur framlengt appelsínugula viðvörun til fimmtudags á Suðurlandi.',
    'pl': 'Nocna ulewa zalała kilka ulic w centrum miasta. Strażacy interweniowali ponad czterdzieści razy; nikt nie został ranny. „Czegoś takiego nie widzieliśmy od 1999 roku” – mówi kupiec, którego sklep został całkowicie zniszczony. Synoptycy przedłużyli ostrzeżenie drugiego stopnia do czwartku; w górach możliwe są kolejne burze.',
    'cs': 'Noční přívalový déšť zaplavil několik ulic v centru města. Hasiči vyjížděli více než čtyřicetkrát; nikdo nebyl zraněn. „Něco takového jsme neviděli od roku 1999,“ říká obchodník, jehož prodejna byla zcela zničena. Meteorologové prodloužili výstrahu do čtvrtka; na horách hrozí další bouřky a kroupy.',
    'sk': 'Nočný prívalový dážď zaplavil niekoľko ulíc v centre mesta. Hasiči vychádzali viac ako štyridsaťkrát; nikto nebol zranený. „Niečo také sme nevideli od roku 1999,“ hovorí obchodník, ktorého predajňa bola úplne zničená. Meteorológovia predĺžili výstrahu do štvrtka; v horách hrozia ďalšie búrky a krúpy.',
    'hu': 'Az éjszakai felhőszakadás a belváros több utcáját elöntötte. A tűzoltók több mint negyvenszer vonultak ki; senki sem sérült meg. „Ilyet 1999 óta nem láttunk” – mondja egy kereskedő, akinek az üzlete teljesen tönkrement. A meteorológiai szolgálat csütörtökig meghosszabbította a narancssárga figyelmeztetést.',
    'sl': 'Nočni naliv je poplavil več ulic v središču mesta. Gasilci so posredovali več kot štiridesetkrat; poškodovan ni bil nihče. »Česa takega nismo videli od leta 1999,« pripoveduje trgovec, čigar trgovina je povsem uničena. Agencija za okolje je oranžno opozorilo podaljšala do četrtka; v hribih so možne nove nevihte.',
    'hr': 'Noćni pljusak poplavio je nekoliko ulica u središtu grada. Vatrogasci su intervenirali više od četrdeset puta; nitko nije ozlijeđen. „Ovako nešto nismo vidjeli od 1999.“, priča trgovac čija je trgovina potpuno uništena. Državni hidrometeorološki zavod produljio je narančasto upozorenje do četvrtka; moguće su nove oluje.',
    'ro': 'Ploile torențiale din timpul nopții au inundat mai multe străzi din centru. Pompierii au intervenit de peste patruzeci de ori; nu au existat răniți. „Nu am mai văzut așa ceva din 1999”, povestește un comerciant al cărui magazin a fost distrus. Meteorologii au prelungit codul portocaliu până joi în zonele de munte.',
    'tr': "Gece yağan sağanak, şehir merkezindeki birçok sokağı su altında bıraktı. İtfaiye kırktan fazla kez müdahale etti; yaralanan olmadı. “1999'dan beri böyle bir şey görmedik” diyor dükkânı tamamen harap olan bir esnaf. Meteoroloji, turuncu uyarıyı perşembeye kadar uzattı; dağlık bölgelerde yeni fırtınalar bekleniyor.",
    'ru': 'Ночной ливень затопил несколько улиц в центре города. Пожарные выезжали более сорока раз; пострадавших нет. «Такого мы не видели с 1999 года», — рассказывает торговец, чей магазин полностью разрушен. Синоптики продлили оранжевый уровень опасности до четверга; в горах ожидаются новые грозы и град.',
    'uk': 'Нічна злива затопила кілька вулиць у центрі міста. Рятувальники виїжджали понад сорок разів; постраждалих немає. «Такого ми не бачили з 1999 року», — розповідає торговець, чия крамниця повністю зруйнована. Синоптики продовжили помаранчевий рівень небезпеки до четверга; у горах очікуються нові грози з градом і поривами вітру.',
    'bg': 'Нощният порой наводни няколко улици в центъра на града. Пожарникарите са се намесили над четиридесет пъти; няма пострадали. „Такова нещо не сме виждали от 1999 година“, разказва търговец, чийто магазин е напълно унищожен. Синоптиците удължиха оранжевия код до четвъртък; в планините се очакват нови бури.',
    'el': 'Η νυχτερινή νεροποντή πλημμύρισε αρκετούς δρόμους στο κέντρο της πόλης. Οι πυροσβέστες επενέβησαν πάνω από σαράντα φορές· δεν υπάρχουν τραυματίες. «Κάτι τέτοιο δεν είχαμε δει από το 1999», λέει ένας έμπορος του οποίου το κατάστημα καταστράφηκε. Η μετεωρολογική υπηρεσία παρέτεινε την πορτοκαλί προειδοποίηση έως την Πέμπτη.',
    'he': 'הגשם העז בלילה הציף כמה רחובות במרכז העיר. הכבאים נקראו יותר מארבעים פעמים; אין נפגעים. "לא ראינו דבר כזה מאז 1999", מספר סוחר שחנותו נהרסה כליל. השירות המטאורולוגי האריך את האזהרה עד יום חמישי; באזורי ההר צפויות סופות נוספות.',
    'ar': 'أغرقت الأمطار الغزيرة التي هطلت ليلاً عدة شوارع في وسط المدينة. وتدخل رجال الإطفاء أكثر من أربعين مرة، ولم تقع إصابات. ويقول تاجر دُمّر متجره بالكامل: "لم نر شيئاً كهذا منذ عام 1999". ومددت الأرصاد الجوية الإنذار البرتقالي حتى يوم الخميس في المناطق الجبلية.',
    'lt': 'Naktinė liūtis užtvindė kelias miesto centro gatves. Ugniagesiai buvo iškviesti daugiau nei keturiasdešimt kartų; niekas nenukentėjo. „Nieko panašaus nematėme nuo 1999 metų“, – pasakoja prekybininkas, kurio parduotuvė visiškai sugriauta. Sinoptikai pratęsė oranžinį įspėjimą iki ketvirtadienio; kalnuose laukiama naujų audrų.',
    'lv': 'Nakts lietusgāze appludināja vairākas ielas pilsētas centrā. Ugunsdzēsēji izbrauca vairāk nekā četrdesmit reižu; neviens necieta. „Neko tādu neesam redzējuši kopš 1999. gada,” stāsta tirgotājs, kura veikals ir pilnībā izpostīts. Sinoptiķi pagarināja oranžo brīdinājumu līdz ceturtdienai; kalnos gaidāmas jaunas vētras.',
    'et': 'Öine paduvihm ujutas üle mitu kesklinna tänavat. Päästjad sõitsid välja üle neljakümne korra; keegi viga ei saanud. „Midagi sellist pole me näinud alates 1999. aastast,” räägib kaupmees, kelle pood hävis täielikult. Ilmateenistus pikendas oranži hoiatust neljapäevani; mägedes on oodata uusi torme ja rahet.',
    'th': 'ฝนที่ตกหนักเมื่อคืนทำให้น้ำท่วมถนนหลายสายในใจกลางเมือง เจ้าหน้าที่ดับเพลิงออกปฏิบัติงานมากกว่าสี่สิบครั้ง ไม่มีผู้ได้รับบาดเจ็บ พ่อค้ารายหนึ่งซึ่งร้านถูกทำลายทั้งหมดเล่าว่าไม่เคยเห็นเหตุการณ์แบบนี้มาตั้งแต่ปี 1999 กรมอุตุนิยมวิทยาขยายการเตือนภัยไปจนถึงวันพฤหัสบดี',
}

CODEPAGES: dict[str, tuple[str, ...]] = {
    'fr': ('cp1252', 'latin-1', 'iso8859-15', 'mac_roman', 'cp850'),
    'de': ('cp1252', 'latin-1', 'iso8859-15', 'mac_roman', 'cp850'),
    'es': ('cp1252', 'latin-1', 'iso8859-15', 'cp850'),
    'pt': ('cp1252', 'latin-1', 'cp850'),
    'it': ('cp1252', 'latin-1'),
    'nl': ('cp1252', 'latin-1'),
    'sv': ('cp1252', 'latin-1'),
    'da': ('cp1252', 'latin-1'),
    'no': ('cp1252', 'latin-1'),
    'fi': ('cp1252', 'latin-1'),
    'is': ('cp1252', 'latin-1'),
    'pl': ('cp1250', 'iso8859-2'),
    'cs': ('cp1250', 'iso8859-2'),
    'sk': ('cp1250', 'iso8859-2'),
    'hu': ('cp1250', 'iso8859-2'),
    'sl': ('cp1250', 'iso8859-2'),
    'hr': ('cp1250', 'iso8859-2'),
    'tr': ('cp1254', 'iso8859-9'),
    'ru': ('cp1251', 'koi8-r', 'iso8859-5', 'cp866', 'mac_cyrillic'),
    'uk': ('cp1251', 'koi8-u'),
    'bg': ('cp1251', 'iso8859-5'),
    'el': ('cp1253', 'iso8859-7'),
    'he': ('cp1255', 'iso8859-8'),
    'ar': ('cp1256', 'iso8859-6'),
    'lt': ('cp1257', 'iso8859-13'),
    'lv': ('cp1257', 'iso8859-13'),
    'et': ('cp1257', 'iso8859-15', 'cp1252'),
    'th': ('cp874',),
    'ro': ('iso8859-16',),
    'ro-cedilla': ('cp1250', 'iso8859-2'),
}

CJK_DEV: dict[str, str] = {
    'zh': '市议会周三决定翻修城南的学校。工程将于下周开始，持续三年。市长说：“这对孩子们来说是巨大的进步。”大部分费用由国家承担；邻居们整个春天都要忍受噪音。我们使用Python和JavaScript开发了新系统，iPhone用户也可以访问。',
    'zht': '市議會週三決定翻修城南的學校。工程將於下週開始，持續三年。市長說：「這對孩子們來說是巨大的進步。」大部分費用由國家承擔；鄰居們整個春天都要忍受噪音。我們使用Python和JavaScript開發了新系統。',
    'ja': '市議会は水曜日、市の南部にある学校の改修を決めた。工事は来週始まり、三年間続く。市長は「子どもたちにとって大きな前進だ」と述べた。費用の大部分は国が負担する。東京でiPhoneを買った人も多い。',
    'ko': '시의회는 수요일 도시 남쪽에 있는 학교를 보수하기로 결정했다. 공사는 다음 주에 시작되어 3년 동안 계속된다. 시장은 "아이들에게 큰 발전"이라고 말했다. 비용의 대부분은 국가가 부담한다. Samsung Galaxy 사용자도 많다.',
}

CJK_CHECK: dict[str, str] = {
    'zh': '昨夜的暴雨淹没了市中心的几条街道。消防员出动了四十多次，没有人员受伤。一位商店被彻底毁坏的商人说：“自1999年以来我们从未见过这样的情况。”气象部门将橙色预警延长至周四，山区可能还会出现雷暴。',
    'zht': '昨夜的暴雨淹沒了市中心的幾條街道。消防員出動了四十多次，沒有人員受傷。一位商店被徹底毀壞的商人說：「自1999年以來我們從未見過這樣的情況。」氣象部門將橙色預警延長至週四，山區可能還會出現雷暴。',
    'ja': '夜間の豪雨で市中心部の複数の通りが冠水した。消防は四十回以上出動したが、けが人はいなかった。店が全壊した商店主は「1999年以来、こんなことは見たことがない」と話した。気象台は木曜日まで警報を延長し、山間部では再び雷雨の恐れがある。',
    'ko': '밤사이 내린 폭우로 도심의 여러 거리가 물에 잠겼다. 소방대는 마흔 번 넘게 출동했지만 다친 사람은 없었다. 가게가 완전히 부서진 한 상인은 "1999년 이후로 이런 일은 본 적이 없다"고 말했다. 기상청은 목요일까지 경보를 연장했으며 산간 지역에는 다시 뇌우가 예상된다.',
}

CJK_CODEPAGES: dict[str, tuple[str, ...]] = {
    'zh': ('gbk', 'gb18030'),
    'zht': ('big5',),
    'ja': ('shift_jis', 'euc_jp'),
    'ko': ('euc_kr',),
}
