<?xml version="1.0" encoding="UTF-8"?>
<!--
  man.xsl: a monograph as a section-7 man page (NAME-info.7).

  Conventional order: NAME, DESCRIPTION, the highlights, the monograph's
  sections (.SH, subsections .SS, deeper ones bold heading paragraphs),
  REFERENCES, SEE ALSO (the see-also section's monographs as NAME-info(7),
  then monoc(1)). Tables go through tbl (allbox, T{ T} text blocks with
  fixed column widths that fit 80 columns; s and ^ for spans); a table
  whose words cannot stand side by side is a list instead, a bullet item
  a row, each value after its column path ("200 mg/5 mL, Day 1: 5 mL").

  Every text node passes through the named template "roff-escape", so the
  page source is pure ASCII and no text can be read as a request or an
  escape. A C extension function may replace it with identical output.
  The page is built in a variable and then cleaned of the .PP that would
  follow a heading directly (mandoc warns about those).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:monoc:monograph:1"
                xmlns:exsl="http://exslt.org/common"
                xmlns:str="http://exslt.org/strings"
                xmlns:ext="urn:monoc:ext"
                xmlns:mx="urn:monoc:xsl"
                exclude-result-prefixes="m exsl str ext mx">

  <xsl:include href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- The version of monoc named in the page footer. -->
  <xsl:param name="monoc-version" select="'0.1.0'"/>

  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="TAB" select="'&#9;'"/>
  <xsl:variable name="LETTERS" select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <!-- Marks the end of a heading until the page is cleaned. -->
  <xsl:variable name="HEAD" select="'&#xE000;'"/>

  <!-- Printable ASCII that stands for itself in roff text. -->
  <xsl:variable name="PLAIN"
    select="concat(' !#$%&amp;()*+,./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_',
                   'abcdefghijklmnopqrstuvwxyz{|}')"/>

  <!-- Code point tables: U0 is U+00A0..U+02FF, U1 U+0370..U+03FF,
       U2 U+2000..U+22FF, one character per code point. -->
  <xsl:variable name="U0" select="' ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀƁƂƃƄƅƆƇƈƉƊƋƌƍƎƏƐƑƒƓƔƕƖƗƘƙƚƛƜƝƞƟƠơƢƣƤƥƦƧƨƩƪƫƬƭƮƯưƱƲƳƴƵƶƷƸƹƺƻƼƽƾƿǀǁǂǃǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǝǞǟǠǡǢǣǤǥǦǧǨǩǪǫǬǭǮǯǰǱǲǳǴǵǶǷǸǹǺǻǼǽǾǿȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȜȝȞȟȠȡȢȣȤȥȦȧȨȩȪȫȬȭȮȯȰȱȲȳȴȵȶȷȸȹȺȻȼȽȾȿɀɁɂɃɄɅɆɇɈɉɊɋɌɍɎɏɐɑɒɓɔɕɖɗɘəɚɛɜɝɞɟɠɡɢɣɤɥɦɧɨɩɪɫɬɭɮɯɰɱɲɳɴɵɶɷɸɹɺɻɼɽɾɿʀʁʂʃʄʅʆʇʈʉʊʋʌʍʎʏʐʑʒʓʔʕʖʗʘʙʚʛʜʝʞʟʠʡʢʣʤʥʦʧʨʩʪʫʬʭʮʯʰʱʲʳʴʵʶʷʸʹʺʻʼʽʾʿˀˁ˂˃˄˅ˆˇˈˉˊˋˌˍˎˏːˑ˒˓˔˕˖˗˘˙˚˛˜˝˞˟ˠˡˢˣˤ˥˦˧˨˩˪˫ˬ˭ˮ˯˰˱˲˳˴˵˶˷˸˹˺˻˼˽˾˿'"/>
  <xsl:variable name="U1" select="'ͰͱͲͳʹ͵Ͷͷ͸͹ͺͻͼͽ;Ϳ΀΁΂΃΄΅Ά·ΈΉΊ΋Ό΍ΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡ΢ΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστυφχψωϊϋόύώϏϐϑϒϓϔϕϖϗϘϙϚϛϜϝϞϟϠϡϢϣϤϥϦϧϨϩϪϫϬϭϮϯϰϱϲϳϴϵ϶ϷϸϹϺϻϼϽϾϿ'"/>
  <xsl:variable name="U2" select="'           ​‌‍‎‏‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧  ‪‫‬‭‮ ‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞ ⁠⁡⁢⁣⁤⁥⁦⁧⁨⁩⁪⁫⁬⁭⁮⁯⁰ⁱ⁲⁳⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎₏ₐₑₒₓₔₕₖₗₘₙₚₛₜ₝₞₟₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿⃀⃁⃂⃃⃄⃅⃆⃇⃈⃉⃊⃋⃌⃍⃎⃏⃒⃓⃘⃙⃚⃐⃑⃔⃕⃖⃗⃛⃜⃝⃞⃟⃠⃡⃢⃣⃤⃥⃦⃪⃫⃨⃬⃭⃮⃯⃧⃩⃰⃱⃲⃳⃴⃵⃶⃷⃸⃹⃺⃻⃼⃽⃾⃿℀℁ℂ℃℄℅℆ℇ℈℉ℊℋℌℍℎℏℐℑℒℓ℔ℕ№℗℘ℙℚℛℜℝ℞℟℠℡™℣ℤ℥Ω℧ℨ℩KÅℬℭ℮ℯℰℱℲℳℴℵℶℷℸℹ℺℻ℼℽℾℿ⅀⅁⅂⅃⅄ⅅⅆⅇⅈⅉ⅊⅋⅌⅍ⅎ⅏⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞⅟ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅬⅭⅮⅯⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻⅼⅽⅾⅿↀↁↂↃↄↅↆↇↈ↉↊↋↌↍↎↏←↑→↓↔↕↖↗↘↙↚↛↜↝↞↟↠↡↢↣↤↥↦↧↨↩↪↫↬↭↮↯↰↱↲↳↴↵↶↷↸↹↺↻↼↽↾↿⇀⇁⇂⇃⇄⇅⇆⇇⇈⇉⇊⇋⇌⇍⇎⇏⇐⇑⇒⇓⇔⇕⇖⇗⇘⇙⇚⇛⇜⇝⇞⇟⇠⇡⇢⇣⇤⇥⇦⇧⇨⇩⇪⇫⇬⇭⇮⇯⇰⇱⇲⇳⇴⇵⇶⇷⇸⇹⇺⇻⇼⇽⇾⇿∀∁∂∃∄∅∆∇∈∉∊∋∌∍∎∏∐∑−∓∔∕∖∗∘∙√∛∜∝∞∟∠∡∢∣∤∥∦∧∨∩∪∫∬∭∮∯∰∱∲∳∴∵∶∷∸∹∺∻∼∽∾∿≀≁≂≃≄≅≆≇≈≉≊≋≌≍≎≏≐≑≒≓≔≕≖≗≘≙≚≛≜≝≞≟≠≡≢≣≤≥≦≧≨≩≪≫≬≭≮≯≰≱≲≳≴≵≶≷≸≹≺≻≼≽≾≿⊀⊁⊂⊃⊄⊅⊆⊇⊈⊉⊊⊋⊌⊍⊎⊏⊐⊑⊒⊓⊔⊕⊖⊗⊘⊙⊚⊛⊜⊝⊞⊟⊠⊡⊢⊣⊤⊥⊦⊧⊨⊩⊪⊫⊬⊭⊮⊯⊰⊱⊲⊳⊴⊵⊶⊷⊸⊹⊺⊻⊼⊽⊾⊿⋀⋁⋂⋃⋄⋅⋆⋇⋈⋉⋊⋋⋌⋍⋎⋏⋐⋑⋒⋓⋔⋕⋖⋗⋘⋙⋚⋛⋜⋝⋞⋟⋠⋡⋢⋣⋤⋥⋦⋧⋨⋩⋪⋫⋬⋭⋮⋯⋰⋱⋲⋳⋴⋵⋶⋷⋸⋹⋺⋻⋼⋽⋾⋿'"/>

  <!-- ============================================================ -->
  <!-- roff-escape: text to roff, pure ASCII out.                    -->
  <!--                                                              -->
  <!-- Tab, CR and LF become spaces. Printable ASCII stands for      -->
  <!-- itself except: \ -> \e, - -> \-, ' -> \(aq, " -> \(dq,        -->
  <!-- ` -> \(ga, ~ -> \(ti, ^ -> \(ha. U+00A0 -> \~ (no-break       -->
  <!-- space). Named: en dash \(en, em dash \(em, quotes \(lq \(rq   -->
  <!-- \(oq \(cq, micro sign \(mc, >= \(>=, <= \(<=, times \(mu,     -->
  <!-- degree \(de, plus-minus \(+-, bullet \(bu, right arrow \(->.  -->
  <!-- Any other character in U+00A0..U+02FF, U+0370..U+03FF or      -->
  <!-- U+2000..U+22FF -> \[uXXXX] (4 upper-case hex digits); any     -->
  <!-- other character at all -> \[uFFFD]. A text starting with "."  -->
  <!-- gets a leading \& so it cannot start a request. A hyphen      -->
  <!-- between two ASCII letters gets a break point: \-\:            -->
  <!-- ============================================================ -->
  <xsl:template name="roff-escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <!-- monoc's C version (src/ext.c), same result. -->
      <xsl:when test="function-available('ext:roff-escape')">
        <xsl:value-of select="ext:roff-escape($s)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="t" select="translate($s, '&#9;&#10;&#13;', '   ')"/>
        <xsl:if test="starts-with($t, '.')">\&amp;</xsl:if>
        <xsl:call-template name="roff-escape-run">
          <xsl:with-param name="s" select="$t"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="roff-escape-run">
    <xsl:param name="s"/>
    <xsl:variable name="c" select="substring(translate($s, $PLAIN, ''), 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$c = ''"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before" select="substring-before($s, $c)"/>
        <xsl:value-of select="$before"/>
        <xsl:call-template name="roff-char"><xsl:with-param name="c" select="$c"/></xsl:call-template>
        <xsl:if test="$c = '-' and $before != '' and
                      contains($LETTERS, substring($before, string-length($before), 1)) and
                      substring(substring-after($s, $c), 1, 1) != '' and
                      contains($LETTERS, substring(substring-after($s, $c), 1, 1))">\:</xsl:if>
        <xsl:call-template name="roff-escape-run">
          <xsl:with-param name="s" select="substring-after($s, $c)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="roff-char">
    <xsl:param name="c"/>
    <xsl:choose>
      <xsl:when test="$c = '\'">\e</xsl:when>
      <xsl:when test="$c = '-'">\-</xsl:when>
      <xsl:when test='$c = "&apos;"'>\(aq</xsl:when>
      <xsl:when test="$c = '&quot;'">\(dq</xsl:when>
      <xsl:when test="$c = '`'">\(ga</xsl:when>
      <xsl:when test="$c = '~'">\(ti</xsl:when>
      <xsl:when test="$c = '^'">\(ha</xsl:when>
      <xsl:when test="$c = '&#160;'">\~</xsl:when>
      <xsl:when test="$c = '&#8211;'">\(en</xsl:when>
      <xsl:when test="$c = '&#8212;'">\(em</xsl:when>
      <xsl:when test="$c = '&#8220;'">\(lq</xsl:when>
      <xsl:when test="$c = '&#8221;'">\(rq</xsl:when>
      <xsl:when test="$c = '&#8216;'">\(oq</xsl:when>
      <xsl:when test="$c = '&#8217;'">\(cq</xsl:when>
      <xsl:when test="$c = '&#181;'">\(mc</xsl:when>
      <xsl:when test="$c = '&#8805;'">\(&gt;=</xsl:when>
      <xsl:when test="$c = '&#8804;'">\(&lt;=</xsl:when>
      <xsl:when test="$c = '&#215;'">\(mu</xsl:when>
      <xsl:when test="$c = '&#176;'">\(de</xsl:when>
      <xsl:when test="$c = '&#177;'">\(+-</xsl:when>
      <xsl:when test="$c = '&#8226;'">\(bu</xsl:when>
      <xsl:when test="$c = '&#8594;'">\(-&gt;</xsl:when>
      <xsl:otherwise>
        <xsl:text>\[u</xsl:text>
        <xsl:choose>
          <xsl:when test="contains($U0, $c)">
            <xsl:call-template name="hex4"><xsl:with-param name="n" select="160 + string-length(substring-before($U0, $c))"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="contains($U1, $c)">
            <xsl:call-template name="hex4"><xsl:with-param name="n" select="880 + string-length(substring-before($U1, $c))"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="contains($U2, $c)">
            <xsl:call-template name="hex4"><xsl:with-param name="n" select="8192 + string-length(substring-before($U2, $c))"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>FFFD</xsl:otherwise>
        </xsl:choose>
        <xsl:text>]</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="hex4">
    <xsl:param name="n"/>
    <xsl:variable name="H" select="'0123456789ABCDEF'"/>
    <xsl:value-of select="concat(substring($H, floor($n div 4096) mod 16 + 1, 1),
                                 substring($H, floor($n div 256) mod 16 + 1, 1),
                                 substring($H, floor($n div 16) mod 16 + 1, 1),
                                 substring($H, $n mod 16 + 1, 1))"/>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- Text lines                                                   -->
  <!-- ============================================================ -->

  <xsl:template match="text()" mode="rin">
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="."/></xsl:call-template>
  </xsl:template>
  <xsl:template match="em" mode="rin">
    <xsl:text>\fI</xsl:text>
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
    <xsl:text>\fP</xsl:text>
  </xsl:template>
  <xsl:template match="strong" mode="rin">
    <xsl:text>\fB</xsl:text>
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
    <xsl:text>\fP</xsl:text>
  </xsl:template>
  <xsl:template match="xref" mode="rin">
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
  </xsl:template>
  <!-- Superscript ^x, subscript _x, a table footnote's mark (a), each
       escaped as one string; a link to another monograph
       "name (NAME-info(7))"; a list in an item is a block of its own.
       ext:inline (src/ext.c) writes the same. -->
  <xsl:template match="sup" mode="rin">
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="concat('^', .)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="sub" mode="rin">
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="concat('_', .)"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="fnref" mode="rin">
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="concat('(', @mark, ')')"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="link" mode="rin">
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
    <xsl:text> (\fB</xsl:text>
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="concat(@ref, '-info')"/></xsl:call-template>
    <xsl:text>\fP(7))</xsl:text>
  </xsl:template>
  <xsl:template match="list" mode="rin"/>
  <!-- How a citation group reads, in roff ("\~" a no-break space joins
       it to the word before; its separators are plain spaces, so that a
       long group can break in a narrow table column), with locators
       "\~[2; 4, \[u00A7]5.1]": the template below and
       ext:inline both take these as they are.  cite-at comes between a
       number and its locator (escaped); cite-sep-at stands for cite-sep
       in a group where any citation has a locator. -->
  <xsl:variable name="cite-open" select="'\~['"/>
  <xsl:variable name="cite-sep" select="', '"/>
  <xsl:variable name="cite-close" select="']'"/>
  <xsl:variable name="cite-at" select="', '"/>
  <xsl:variable name="cite-sep-at" select="'; '"/>
  <xsl:template match="cites" mode="rin">
    <xsl:variable name="at" select="boolean(c/@at)"/>
    <xsl:value-of select="$cite-open"/>
    <xsl:for-each select="c">
      <xsl:sort select="@n" data-type="number"/>
      <xsl:if test="position() &gt; 1">
        <xsl:choose>
          <xsl:when test="$at"><xsl:value-of select="$cite-sep-at"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$cite-sep"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="@n"/>
      <xsl:if test="@at">
        <xsl:value-of select="$cite-at"/>
        <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="string(@at)"/></xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <xsl:value-of select="$cite-close"/>
  </xsl:template>

  <!-- One text line from escaped pieces: white space collapsed (no
       escape contains a space), a leading dot guarded. -->
  <xsl:template name="line">
    <xsl:param name="s"/>
    <xsl:choose>
      <!-- monoc's C versions (src/ext.c), same result; no result tree
           fragment for $n, made for every line -->
      <xsl:when test="function-available('ext:break-long') and function-available('ext:fill')">
        <xsl:variable name="n" select="ext:break-long(normalize-space($s), $LONGWORD)"/>
        <xsl:if test="$n != ''">
          <xsl:value-of select="concat(ext:fill($n, $SRCWIDTH, &quot;.|'|T}&quot;, '\&amp;'), $NL)"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line-xslt"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="line-xslt">
    <xsl:param name="s"/>
    <xsl:variable name="n0" select="normalize-space($s)"/>
    <!-- a word longer than $LONGWORD (a URL, a chemical name) gets
         break points, so groff and mandoc can break it in a narrow
         column or an indented paragraph -->
    <xsl:variable name="n">
      <xsl:choose>
        <!-- monoc's C version (src/ext.c), same result. -->
        <xsl:when test="function-available('ext:break-long')">
          <xsl:value-of select="ext:break-long($n0, $LONGWORD)"/>
        </xsl:when>
        <xsl:when test="str:tokenize($n0, ' ')[string-length(.) &gt; $LONGWORD]">
          <xsl:for-each select="str:tokenize($n0, ' ')">
            <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:choose>
              <xsl:when test="string-length(.) &gt; $LONGWORD">
                <xsl:call-template name="long-breaks"><xsl:with-param name="s" select="string(.)"/></xsl:call-template>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$n0"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$n != ''">
      <xsl:choose>
        <!-- monoc's C version (src/ext.c), same result. -->
        <xsl:when test="function-available('ext:fill')">
          <xsl:value-of select="concat(ext:fill($n, $SRCWIDTH, &quot;.|'|T}&quot;, '\&amp;'), $NL)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="fill">
            <xsl:with-param name="rest" select="$n"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A word of more source characters than this is a long word. -->
  <xsl:variable name="LONGWORD" select="40"/>

  <!-- The escaped long word s with a break point \: after each / , ; )
       ] = &amp; ?, after a dot or an underscore that another follows, and
       after each \- and \~ (once: where one is there
       already, as after a hyphen between letters, none is added). -->
  <xsl:template name="long-breaks">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="function-available('str:replace')">
        <xsl:variable name="b">
          <xsl:value-of select="str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(str:replace(
              $s, '/', '/\:'), ',', ',\:'), ';', ';\:'), ')', ')\:'), ']', ']\:'), '=', '=\:'), '&amp;', '&amp;\:'), '?', '?\:'), '..', '.\:.'), '..', '.\:.'), '__', '_\:_'), '__', '_\:_'), '\-', '\-\:'), '\~', '\~\:')"/>
        </xsl:variable>
        <xsl:value-of select="str:replace($b, '\:\:', '\:')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="long-breaks-run"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The same, a piece at a time: up to and including the next break
       character (or \- or \~), then \: unless one follows. -->
  <xsl:template name="long-breaks-run">
    <xsl:param name="s"/>
    <xsl:variable name="one" select="'/,;)]=&amp;?'"/>
    <!-- the length of the piece up to the first break -->
    <xsl:variable name="i1" select="string-length(substring-before(translate($s, $one, '////////'), '/'))"/>
    <xsl:variable name="k1">
      <xsl:choose>
        <xsl:when test="contains(translate($s, $one, '////////'), '/')"><xsl:value-of select="$i1 + 1"/></xsl:when>
        <xsl:otherwise>-1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="k2">
      <xsl:choose>
        <xsl:when test="contains($s, '\-') or contains($s, '\~')">
          <xsl:variable name="a" select="string-length(substring-before(concat($s, '\-'), '\-'))"/>
          <xsl:variable name="b" select="string-length(substring-before(concat($s, '\~'), '\~'))"/>
          <xsl:choose>
            <xsl:when test="$a &lt; $b"><xsl:value-of select="$a + 2"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$b + 2"/></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:otherwise>-1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- a dot or an underscore that another follows -->
    <xsl:variable name="k3">
      <xsl:choose>
        <xsl:when test="contains($s, '..') or contains($s, '__')">
          <xsl:variable name="a" select="string-length(substring-before(concat($s, '..'), '..'))"/>
          <xsl:variable name="b" select="string-length(substring-before(concat($s, '__'), '__'))"/>
          <xsl:choose>
            <xsl:when test="$a &lt; $b"><xsl:value-of select="$a + 1"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$b + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:when>
        <xsl:otherwise>-1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="k12">
      <xsl:choose>
        <xsl:when test="$k1 &lt; 0"><xsl:value-of select="$k2"/></xsl:when>
        <xsl:when test="$k2 &lt; 0 or $k1 &lt; $k2"><xsl:value-of select="$k1"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$k2"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="k">
      <xsl:choose>
        <xsl:when test="$k12 &lt; 0"><xsl:value-of select="$k3"/></xsl:when>
        <xsl:when test="$k3 &lt; 0 or $k12 &lt; $k3"><xsl:value-of select="$k12"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$k3"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$k &lt; 0"><xsl:value-of select="$s"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="rest" select="substring($s, $k + 1)"/>
        <xsl:value-of select="substring($s, 1, $k)"/>
        <xsl:if test="not(starts-with($rest, '\:'))">\:</xsl:if>
        <xsl:call-template name="long-breaks-run"><xsl:with-param name="s" select="$rest"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The input lines of a text line: the words of rest filled into
       lines of at most $SRCWIDTH characters (mandoc's style limit is
       80 bytes; the page is ASCII), a word never split, a line that
       would start with a dot or an apostrophe (a request) or with "T}"
       (which would end the tbl text block the line may be in, the rest
       of the cell lost) guarded with \&; each line ends with a
       newline. -->
  <xsl:variable name="SRCWIDTH" select="79"/>
  <xsl:template name="fill">
    <xsl:param name="rest"/>
    <xsl:param name="line" select="''"/>
    <xsl:variable name="word" select="substring-before(concat($rest, ' '), ' ')"/>
    <xsl:variable name="after" select="substring-after($rest, ' ')"/>
    <xsl:choose>
      <xsl:when test="$rest = ''">
        <xsl:value-of select="concat($line, $NL)"/>
      </xsl:when>
      <xsl:when test="$line != '' and string-length($line) + 1 + string-length($word) &lt;= $SRCWIDTH">
        <xsl:call-template name="fill">
          <xsl:with-param name="rest" select="$after"/>
          <xsl:with-param name="line" select="concat($line, ' ', $word)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$line != ''"><xsl:value-of select="concat($line, $NL)"/></xsl:if>
        <xsl:call-template name="fill">
          <xsl:with-param name="rest" select="$after"/>
          <xsl:with-param name="line">
            <xsl:if test="starts-with($word, '.') or starts-with($word, &quot;'&quot;) or starts-with($word, 'T}')">\&amp;</xsl:if>
            <xsl:value-of select="$word"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The inline content of node as one text line, between prefix and
       suffix (escaped already). -->
  <xsl:template name="inline-line">
    <xsl:param name="node" select="."/>
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="suffix" select="''"/>
    <xsl:choose>
      <!-- monoc's C version (src/ext.c), same result. -->
      <xsl:when test="function-available('ext:inline')">
        <xsl:call-template name="line">
          <xsl:with-param name="s" select="concat($prefix, ext:inline($node, 'roff', $cite-open, $cite-sep, $cite-close, $cite-at, $cite-sep-at), $suffix)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="line">
          <xsl:with-param name="s">
            <xsl:value-of select="$prefix"/>
            <xsl:apply-templates select="$node/node()" mode="rin"/>
            <xsl:value-of select="$suffix"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="esc">
    <xsl:param name="s"/>
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="normalize-space($s)"/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================ -->
  <!-- The page                                                     -->
  <!-- ============================================================ -->

  <xsl:template match="/">
    <xsl:call-template name="require-model"/>
    <xsl:variable name="page">
      <xsl:apply-templates select="$model" mode="r"/>
    </xsl:variable>
    <xsl:call-template name="drop-marks">
      <xsl:with-param name="s">
        <xsl:call-template name="drop-pp">
          <xsl:with-param name="s" select="string($page)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Remove ".PP" right after a heading, then the heading marks.
       EXSLT str:replace (libexslt, so xsltproc has it too) does this in
       one pass; the recursion, which copies the rest of the page for
       each heading, is only the fallback.  The marks go the same way,
       quicker than translate() over the whole page.  monoc's ext:replace
       (src/ext.c) is a quicker str:replace. -->
  <xsl:template name="drop-pp">
    <xsl:param name="s"/>
    <xsl:variable name="pat" select="concat($HEAD, '.PP', $NL)"/>
    <xsl:choose>
      <xsl:when test="function-available('ext:replace')">
        <xsl:value-of select="ext:replace($s, $pat, '')"/>
      </xsl:when>
      <xsl:when test="function-available('str:replace')">
        <xsl:value-of select="str:replace($s, $pat, '')"/>
      </xsl:when>
      <xsl:when test="contains($s, $pat)">
        <xsl:value-of select="substring-before($s, $pat)"/>
        <xsl:call-template name="drop-pp">
          <xsl:with-param name="s" select="substring-after($s, $pat)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="drop-break-points">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '\:')">
        <xsl:value-of select="substring-before($s, '\:')"/>
        <xsl:call-template name="drop-break-points">
          <xsl:with-param name="s" select="substring-after($s, '\:')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="drop-marks">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="function-available('ext:replace')">
        <xsl:value-of select="ext:replace($s, $HEAD, '')"/>
      </xsl:when>
      <xsl:when test="function-available('str:replace')">
        <xsl:value-of select="str:replace($s, $HEAD, '')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($s, $HEAD, '')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="doc" mode="r">
    <xsl:variable name="id">
      <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="@id"/></xsl:call-template>
    </xsl:variable>
    <xsl:text>'\" t&#10;</xsl:text>
    <xsl:text>.\" Generated by monoc from the </xsl:text>
    <xsl:value-of select="$id"/>
    <xsl:text> monograph; do not edit.&#10;</xsl:text>
    <xsl:text>.TH </xsl:text>
    <xsl:call-template name="drop-break-points">
      <xsl:with-param name="s">
        <xsl:call-template name="roff-escape">
          <xsl:with-param name="s" select="translate(concat(@id, '-info'), $LOWER, $UPPER)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="concat(' 7 ', @reviewed, ' &quot;monoc ')"/>
    <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="$monoc-version"/></xsl:call-template>
    <xsl:text>" "Drug Monographs"&#10;</xsl:text>
    <xsl:text>.nh&#10;.ad l&#10;</xsl:text>
    <xsl:text>.SH NAME&#10;</xsl:text>
    <!-- filled into input lines of at most 79 characters, as every text
         line is; lexgrog joins them -->
    <xsl:call-template name="line">
      <xsl:with-param name="s">
        <!-- No \: break points here, in the id or the summary: lexgrog
             would keep the colon (valproic-:acid-info). -->
        <xsl:call-template name="drop-break-points"><xsl:with-param name="s" select="$id"/></xsl:call-template>
        <xsl:text>\-info \- </xsl:text>
        <xsl:call-template name="drop-break-points">
          <xsl:with-param name="s">
            <xsl:call-template name="esc"><xsl:with-param name="s" select="@summary"/></xsl:call-template>
            <!-- the status in the whatis line too, so that apropos shows it -->
            <xsl:if test="@status">
              <xsl:variable name="st"><xsl:call-template name="status-words"/></xsl:variable>
              <xsl:text> </xsl:text>
              <xsl:call-template name="esc">
                <xsl:with-param name="s" select="concat('(', translate(substring($st, 1, 1), $UPPER, $LOWER), substring($st, 2), ')')"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="concat('.SH DESCRIPTION', $NL, $HEAD)"/>
    <xsl:if test="@status">
      <xsl:variable name="st"><xsl:call-template name="status-words"/></xsl:variable>
      <xsl:call-template name="line">
        <xsl:with-param name="s">
          <xsl:text>\fB</xsl:text>
          <xsl:call-template name="esc"><xsl:with-param name="s" select="translate($st, $LOWER, $UPPER)"/></xsl:call-template>
          <xsl:text>.\fP</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:text>.PP&#10;</xsl:text>
    </xsl:if>
    <!-- the summary is the NAME line already: the highlights come next,
         on the first screen -->
    <xsl:call-template name="line">
      <xsl:with-param name="s">
        <xsl:text>Monograph version </xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="@version"/></xsl:call-template>
        <xsl:text>, reviewed </xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="@reviewed"/></xsl:call-template>
        <xsl:text>. Numbers in square brackets refer to the list under REFERENCES.</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <!-- the highlights first, wherever the model has them; the see-also
         section is the SEE ALSO section at the end (man-pages(7)) -->
    <xsl:apply-templates select="section[@kind = 'highlights']" mode="r"/>
    <xsl:apply-templates select="section[not(@kind = 'highlights' or @kind = 'see-also')] | refs" mode="r"/>
    <xsl:text>.SH "SEE ALSO"&#10;</xsl:text>
    <xsl:for-each select="section[@kind = 'see-also']//link">
      <xsl:text>.BR </xsl:text>
      <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="concat(@ref, '-info')"/></xsl:call-template>
      <xsl:text> (7),&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>.BR monoc (1)&#10;</xsl:text>
  </xsl:template>

  <!-- The highlights: the notice (a paragraph), a blank line, then the
       items without space between them, so that the first screen holds
       the most of them. -->
  <xsl:template match="section[@kind = 'highlights']" mode="r">
    <xsl:text>.SH "</xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="translate(@title, $LOWER, $UPPER)"/></xsl:call-template>
    <xsl:value-of select="concat('&quot;', $NL, $HEAD)"/>
    <xsl:apply-templates select="p" mode="r"/>
    <xsl:if test="*[not(self::p)]">
      <xsl:text>.PD 0&#10;</xsl:text>
      <xsl:if test="p"><xsl:text>.sp&#10;</xsl:text></xsl:if>
      <xsl:apply-templates select="*[not(self::p)]" mode="r"/>
      <xsl:text>.PD&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="section" mode="r">
    <xsl:text>.SH "</xsl:text>
    <xsl:call-template name="esc"><xsl:with-param name="s" select="translate(@title, $LOWER, $UPPER)"/></xsl:call-template>
    <xsl:value-of select="concat('&quot;', $NL, $HEAD)"/>
    <xsl:apply-templates select="*" mode="r"/>
  </xsl:template>

  <!-- A subsection: SS at the first level, a bold heading paragraph
       deeper; its number, when it has one, before the title. -->
  <xsl:template match="sub" mode="r">
    <xsl:variable name="title">
      <xsl:if test="@kind = 'warn'">WARNING: </xsl:if>
      <xsl:call-template name="esc">
        <xsl:with-param name="s">
          <xsl:if test="@number"><xsl:value-of select="concat(@number, ' ')"/></xsl:if>
          <xsl:value-of select="@title"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <!-- untitled (a label's block of text): no heading -->
      <xsl:when test="normalize-space($title) = ''"/>
      <xsl:when test="parent::sub">
        <xsl:text>.PP&#10;</xsl:text>
        <xsl:call-template name="line">
          <xsl:with-param name="s" select="concat('\fB', $title, '\fP')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('.SS &quot;', $title, '&quot;', $NL, $HEAD)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="*" mode="r"/>
  </xsl:template>

  <!-- A quotation, word for word: indented, in quotation marks. -->
  <xsl:template match="quote" mode="r">
    <xsl:text>.PP&#10;.RS 4&#10;</xsl:text>
    <xsl:call-template name="inline-line">
      <xsl:with-param name="prefix" select="'\(lq'"/>
      <xsl:with-param name="suffix" select="'\(rq'"/>
    </xsl:call-template>
    <xsl:text>.RE&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="p" mode="r">
    <xsl:text>.PP&#10;</xsl:text>
    <xsl:call-template name="inline-line"/>
  </xsl:template>

  <xsl:template match="note" mode="r">
    <xsl:text>.PP&#10;.RS 4&#10;</xsl:text>
    <xsl:call-template name="line">
      <xsl:with-param name="s">
        <xsl:text>\fB</xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="@label"/></xsl:call-template>
        <xsl:text>\fP </xsl:text>
        <xsl:apply-templates mode="rin"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>.RE&#10;</xsl:text>
  </xsl:template>

  <!-- A list; a list in an item goes after the item's text, indented to
       it (RS by the item's indent), down to $LIST-INDENTS lists deep. -->
  <xsl:template match="list" mode="r">
    <xsl:for-each select="item">
      <xsl:variable name="in">
        <xsl:choose>
          <xsl:when test="../@type = 'ordered'">4</xsl:when>
          <xsl:otherwise>3</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="../@type = 'ordered'">
          <xsl:value-of select="concat('.IP ', position(), '. ', $in, $NL)"/>
        </xsl:when>
        <xsl:otherwise>.IP \(bu 3&#10;</xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="inline-line"/>
      <xsl:for-each select="list">
        <xsl:variable name="deeper" select="count(ancestor-or-self::list) &lt;= $LIST-INDENTS"/>
        <xsl:if test="$deeper">
          <xsl:value-of select="concat('.RS ', $in, $NL)"/>
        </xsl:if>
        <xsl:apply-templates select="." mode="r"/>
        <xsl:if test="$deeper">
          <xsl:text>.RE&#10;</xsl:text>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- A general table (no @cols): tbl, allbox, one format line a row
       (s where a cell spans columns, ^ where one from above spans rows),
       every cell a T{ T} block, column widths (template table-widths)
       that fit an 80-column terminal; when the longest words cannot
       stand side by side, one bullet item a row instead, each value
       after its column path (template r-col-path).  No heading for a
       table without a caption.  Footnotes after it. -->
  <xsl:template match="table[not(@cols)]" mode="r">
    <!-- the grid and its widths: avail = 70 - 3 * n (tbl's gutters and
         rules), words unbroken -->
    <xsl:variable name="layout-rtf">
      <xsl:call-template name="table-layout">
        <xsl:with-param name="room" select="67"/>
        <xsl:with-param name="gutter" select="3"/>
        <xsl:with-param name="least" select="6"/>
        <xsl:with-param name="breaks" select="''"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="n" select="number(exsl:node-set($layout-rtf)/g/@n)"/>
    <xsl:variable name="grid" select="exsl:node-set($layout-rtf)/g/r"/>
    <xsl:variable name="t" select="."/>
    <xsl:variable name="ws" select="string(exsl:node-set($layout-rtf)/g/@ws)"/>
    <xsl:variable name="as-list" select="$ws = 'list'"/>
    <!-- the head rows once: the column path of every value looks in
         them, not in all the rows of the grid -->
    <xsl:variable name="heads" select="$grid[@kind = 'head']"/>
    <xsl:variable name="labels" select="boolean($heads)"/>
    <!-- the column path of each single column, once a table: the
         records layout writes one before every value (14 percent of the
         text and 18 percent of the man page's time on 60 bulk labels
         when each value made its own) -->
    <xsl:variable name="paths-rtf">
      <xsl:if test="$labels and string(exsl:node-set($layout-rtf)/g/@ws) = 'list'">
        <xsl:variable name="cols-rtf">
          <xsl:call-template name="count-to">
            <xsl:with-param name="n" select="$n"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:for-each select="exsl:node-set($cols-rtf)/c">
          <p c="{@n}">
            <xsl:call-template name="r-col-path">
              <xsl:with-param name="t" select="$t"/>
              <xsl:with-param name="grid" select="$heads"/>
              <xsl:with-param name="n" select="$n"/>
              <xsl:with-param name="col" select="@n"/>
            </xsl:call-template>
          </p>
        </xsl:for-each>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="paths" select="exsl:node-set($paths-rtf)/p"/>
    <!-- no caption: no heading (an empty "Table:" says nothing), and
         space before a grid after a block (a heading or a bullet item
         makes its own) -->
    <xsl:choose>
      <xsl:when test="caption or normalize-space(@caption) != ''">
        <xsl:text>.PP&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="not($as-list) and preceding-sibling::* and */cell[normalize-space(.) != '' or .//cites or .//fnref]">
        <xsl:text>.sp&#10;</xsl:text>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="caption or normalize-space(@caption) != ''">
    <xsl:call-template name="line">
      <xsl:with-param name="s">
        <xsl:text>\fBTable: </xsl:text>
        <xsl:choose>
          <xsl:when test="caption"><xsl:apply-templates select="caption/node()" mode="rin"/></xsl:when>
          <xsl:otherwise><xsl:call-template name="esc"><xsl:with-param name="s" select="@caption"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
        <xsl:text>\fP</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    </xsl:if>
    <xsl:choose>
      <!-- a table of empty cells: its caption alone -->
      <xsl:when test="not(*/cell[normalize-space(.) != '' or .//cites or .//fnref])"/>
      <xsl:when test="$as-list">
        <xsl:for-each select="$grid[@kind = 'row']">
          <xsl:variable name="full-rtf">
            <xsl:for-each select="s[@cell != '']">
              <xsl:if test="mx:grid-cell($t, current())[parent::row][normalize-space(.) != '' or .//cites or .//fnref]">
                <xsl:copy-of select="."/>
              </xsl:if>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="full" select="exsl:node-set($full-rtf)/s"/>
          <xsl:if test="$full">
          <xsl:text>.IP \(bu 3&#10;</xsl:text>
          <xsl:for-each select="$full">
            <xsl:variable name="id" select="@cell"/>
            <xsl:if test="position() &gt; 1">.br&#10;</xsl:if>
            <xsl:call-template name="line">
              <xsl:with-param name="s">
                <xsl:variable name="path">
                  <xsl:if test="$labels">
                    <xsl:choose>
                      <xsl:when test="@span &gt; 1">
                        <xsl:call-template name="r-col-path">
                          <xsl:with-param name="t" select="$t"/>
                          <xsl:with-param name="grid" select="$heads"/>
                          <xsl:with-param name="n" select="$n"/>
                          <xsl:with-param name="col" select="@col"/>
                          <xsl:with-param name="span" select="@span"/>
                        </xsl:call-template>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:value-of select="$paths[@c = current()/@col]"/>
                      </xsl:otherwise>
                    </xsl:choose>
                  </xsl:if>
                </xsl:variable>
                <xsl:if test="string($path) != ''">
                  <xsl:value-of select="concat('\fB', $path, ':\fP ')"/>
                </xsl:if>
                <xsl:for-each select="mx:grid-cell($t, current())[parent::row]/para">
                  <xsl:if test="position() &gt; 1">; </xsl:if>
                  <xsl:apply-templates mode="rin"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>.TS&#10;allbox;&#10;</xsl:text>
        <xsl:for-each select="$grid">
          <xsl:variable name="head" select="@kind = 'head'"/>
          <xsl:for-each select="s">
            <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
            <xsl:choose>
              <xsl:when test="@cov">^</xsl:when>
              <xsl:otherwise>
                <!-- the slot has its cell's align and header -->
                <xsl:choose>
                  <xsl:when test="@align = 'center'">c</xsl:when>
                  <xsl:when test="@align = 'right'">r</xsl:when>
                  <xsl:otherwise>l</xsl:otherwise>
                </xsl:choose>
                <xsl:if test="$head or @header = 'yes'">b</xsl:if>
                <xsl:choose>
                  <xsl:when test="@span = 1">
                    <xsl:text>w(</xsl:text>
                    <xsl:value-of select="@cw"/>
                    <xsl:text>n)</xsl:text>
                  </xsl:when>
                  <!-- a column whose cells all span further: its own
                       width on the spans that start in it, else tbl
                       makes it as wide as their text -->
                  <xsl:when test="not($grid/s[@span = 1 and not(@cov) and @col = current()/@col])">
                    <xsl:text>w(</xsl:text>
                    <xsl:value-of select="@cw"/>
                    <xsl:text>n)</xsl:text>
                  </xsl:when>
                </xsl:choose>
                <xsl:call-template name="repeat">
                  <xsl:with-param name="s" select="' s'"/>
                  <xsl:with-param name="k" select="@span - 1"/>
                </xsl:call-template>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
          <xsl:if test="position() = last()">.</xsl:if>
          <xsl:value-of select="$NL"/>
        </xsl:for-each>
        <xsl:for-each select="$grid">
          <xsl:for-each select="s">
            <xsl:variable name="id" select="@cell"/>
            <xsl:if test="position() &gt; 1"><xsl:value-of select="$TAB"/></xsl:if>
            <!-- an empty cell is left empty: mandoc 1.14.6 crashes on
                 an empty T{ T} block that a cell below spans into (^) -->
            <xsl:variable name="cell" select="mx:grid-cell($t, current())"/>
            <xsl:if test="not(@cov) and $cell[normalize-space(.) != '' or .//cites or .//fnref]">
              <xsl:text>T{&#10;</xsl:text>
              <xsl:call-template name="line">
                <xsl:with-param name="s">
                  <xsl:for-each select="$cell[parent::head]">
                    <xsl:apply-templates mode="rin"/>
                  </xsl:for-each>
                  <xsl:for-each select="$cell[parent::row]/para">
                    <xsl:if test="position() &gt; 1">
                      <xsl:choose>
                        <xsl:when test="node()[1][self::strong]"><xsl:text> </xsl:text></xsl:when>
                        <xsl:otherwise><xsl:text>; </xsl:text></xsl:otherwise>
                      </xsl:choose>
                    </xsl:if>
                    <xsl:apply-templates mode="rin"/>
                  </xsl:for-each>
                </xsl:with-param>
              </xsl:call-template>
              <xsl:text>T}</xsl:text>
            </xsl:if>
          </xsl:for-each>
          <xsl:value-of select="$NL"/>
        </xsl:for-each>
        <xsl:text>.TE&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="footnote">
        <!-- after a tbl box, .PP alone gives no blank line in groff -->
        <xsl:if test="not($as-list)">.sp&#10;</xsl:if>
        <xsl:text>.PP&#10;</xsl:text>
        <xsl:for-each select="footnote">
          <xsl:if test="position() &gt; 1">.br&#10;</xsl:if>
          <xsl:call-template name="line">
            <xsl:with-param name="s">
              <xsl:call-template name="roff-escape"><xsl:with-param name="s" select="concat('(', @mark, ') ')"/></xsl:call-template>
              <xsl:apply-templates mode="rin"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="not($as-list)">.sp&#10;</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The column path of a body slot, escaped: text.xsl's template
       t-col-path. -->
  <xsl:template name="r-col-path">
    <xsl:param name="t"/>
    <xsl:param name="grid"/>
    <xsl:param name="n"/>
    <xsl:param name="col"/>
    <xsl:param name="span" select="1"/>
    <xsl:variable name="over" select="mx:col-heads($grid, $col)[@col + @span &gt;= $col + $span][normalize-space(mx:grid-cell($t, .)) != '']"/>
    <xsl:choose>
      <xsl:when test="$span &gt;= $n and $n &gt; 1"/>
      <xsl:when test="$over or $span &lt;= 1">
        <xsl:for-each select="$over">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:apply-templates select="mx:grid-cell($t, current())[parent::head]/node()" mode="rin"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="r-col-path">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="grid" select="$grid"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="col" select="$col"/>
        </xsl:call-template>
        <xsl:text>\(en</xsl:text>
        <xsl:call-template name="r-col-path">
          <xsl:with-param name="t" select="$t"/>
          <xsl:with-param name="grid" select="$grid"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="col" select="$col + $span - 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- tbl: allbox, tab-separated, every data cell a T{ T} block with a
       fixed width; the widths fit an 80-column terminal. -->
  <xsl:template match="table" mode="r">
    <xsl:variable name="fixed">
      <xsl:choose>
        <xsl:when test="@cols = 'stage dose'">14 46</xsl:when>
        <xsl:when test="@cols = 'form status strengths products'">14 12 20 12</xsl:when>
        <xsl:when test="@cols = 'effect category severity' or @cols = 'effect frequency severity'">28 10 17</xsl:when>
        <xsl:when test="@cols = 'effect frequency'">38 22</xsl:when>
        <xsl:when test="@cols = 'agent severity effect'">18 16 25</xsl:when>
        <xsl:otherwise>14 14 14 14</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="w">
      <xsl:call-template name="table-fit">
        <xsl:with-param name="fixed" select="string($fixed)"/>
        <xsl:with-param name="least" select="6"/>
        <xsl:with-param name="breaks" select="''"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:text>.PP&#10;</xsl:text>
    <xsl:call-template name="line">
      <xsl:with-param name="s">
        <xsl:text>\fBTable: </xsl:text>
        <xsl:call-template name="esc"><xsl:with-param name="s" select="@caption"/></xsl:call-template>
        <xsl:text>\fP</xsl:text>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:choose>
      <!-- words too long for the columns: a "Header: value" list -->
      <xsl:when test="$w = 'list'">
        <xsl:variable name="t" select="."/>
        <xsl:for-each select="row">
          <r>
          <xsl:text>.IP \(bu 3&#10;</xsl:text>
          <xsl:for-each select="cell">
            <xsl:variable name="i" select="position()"/>
            <xsl:if test="$i &gt; 1">.br&#10;</xsl:if>
            <xsl:call-template name="line">
              <xsl:with-param name="s">
                <xsl:text>\fB</xsl:text>
                <xsl:call-template name="esc"><xsl:with-param name="s" select="$t/head/cell[$i]"/></xsl:call-template>
                <xsl:text>:\fP </xsl:text>
                <xsl:for-each select="para">
                  <xsl:if test="position() &gt; 1">; </xsl:if>
                  <xsl:apply-templates mode="rin"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
          </r>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>.TS&#10;allbox;&#10;</xsl:text>
        <xsl:for-each select="head/cell">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:text>lb</xsl:text>
        </xsl:for-each>
        <xsl:value-of select="$NL"/>
        <xsl:call-template name="tbl-widths">
          <xsl:with-param name="w" select="normalize-space($w)"/>
          <xsl:with-param name="n" select="count(head/cell)"/>
        </xsl:call-template>
        <xsl:text>.&#10;</xsl:text>
        <xsl:for-each select="head/cell">
          <xsl:if test="position() &gt; 1"><xsl:value-of select="$TAB"/></xsl:if>
          <xsl:call-template name="esc"><xsl:with-param name="s" select="."/></xsl:call-template>
        </xsl:for-each>
        <xsl:value-of select="$NL"/>
        <!-- Each row in an element of its own: appending to the page's one
             text node after a cell's own text made libxslt count the page
             so far, quadratic in the rows (16,000 took 1.1 s); the page is
             read as a string, so the element adds nothing to it. -->
        <xsl:for-each select="row">
          <r>
          <xsl:for-each select="cell">
            <xsl:if test="position() &gt; 1"><xsl:value-of select="$TAB"/></xsl:if>
            <xsl:text>T{&#10;</xsl:text>
            <!-- mandoc allows no macros inside T{ T}: paragraphs of a cell
                 are joined, with "; " unless the next one starts with a
                 label. -->
            <xsl:call-template name="line">
              <xsl:with-param name="s">
                <xsl:for-each select="para">
                  <xsl:if test="position() &gt; 1">
                    <xsl:choose>
                      <xsl:when test="node()[1][self::strong]"><xsl:text> </xsl:text></xsl:when>
                      <xsl:otherwise><xsl:text>; </xsl:text></xsl:otherwise>
                    </xsl:choose>
                  </xsl:if>
                  <xsl:apply-templates mode="rin"/>
                </xsl:for-each>
              </xsl:with-param>
            </xsl:call-template>
            <xsl:text>T}</xsl:text>
          </xsl:for-each>
          <xsl:value-of select="$NL"/>
          </r>
        </xsl:for-each>
        <xsl:text>.TE&#10;.sp&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tbl-widths">
    <xsl:param name="w"/>
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <xsl:value-of select="concat('lw(', substring-before(concat($w, ' '), ' '), 'n)')"/>
      <xsl:if test="$n &gt; 1">
        <xsl:text> </xsl:text>
        <xsl:call-template name="tbl-widths">
          <xsl:with-param name="w" select="substring-after($w, ' ')"/>
          <xsl:with-param name="n" select="$n - 1"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- References: hanging [n]; URLs on lines of their own, with \:
       break points after each slash. -->
  <xsl:template match="refs" mode="r">
    <xsl:text>.SH REFERENCES&#10;</xsl:text>
    <xsl:for-each select="ref">
      <xsl:value-of select="concat('.IP [', @n, '] 5', $NL)"/>
      <xsl:call-template name="line">
        <xsl:with-param name="s">
          <xsl:for-each select="part[@kind != 'url']">
            <xsl:call-template name="esc"><xsl:with-param name="s" select="."/></xsl:call-template>
            <xsl:if test="not(contains('.?!', substring(., string-length(.))))">.</xsl:if>
            <xsl:text> </xsl:text>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="part[@kind = 'url']">
        <xsl:text>.br&#10;</xsl:text>
        <xsl:variable name="u">
          <xsl:call-template name="esc"><xsl:with-param name="s" select="."/></xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="line">
          <xsl:with-param name="s">
            <xsl:call-template name="url-breaks"><xsl:with-param name="s" select="string($u)"/></xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

  <!-- A URL with a break point \: after each / ? & and =.  EXSLT
       str:replace (libexslt, so xsltproc has it too), once per
       character, is linear; the recursion, which looks for the first of
       the four with a translate() as long as the URL, is the fallback. -->
  <xsl:template name="url-breaks">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="function-available('str:replace')">
        <xsl:value-of select="str:replace(str:replace(str:replace(str:replace($s, '/', '/\:'), '?', '?\:'), '&amp;', '&amp;\:'), '=', '=\:')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="url-breaks-run"><xsl:with-param name="s" select="$s"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="url-breaks-run">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, '/?&amp;=', '') != $s">
        <xsl:variable name="c" select="substring(translate($s, translate($s, '/?&amp;=', ''), ''), 1, 1)"/>
        <xsl:value-of select="concat(substring-before($s, $c), $c, '\:')"/>
        <xsl:call-template name="url-breaks-run"><xsl:with-param name="s" select="substring-after($s, $c)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
