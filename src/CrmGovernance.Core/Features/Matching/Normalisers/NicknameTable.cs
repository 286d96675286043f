namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Common English given names and their diminutives and spelling variants, as data: one group a line, the formal
/// name first. A name may sit in several groups ("al" is Albert, Alan, Alfred …); two names are the same person's
/// when they share a group. Folded (lower case, no accents) like the names they are looked up with.
/// </summary>
internal static class NicknameTable
{
    public const string Groups = """
        aaron: ron ronnie
        abigail: abby abbie abi gail
        abraham: abe bram
        adam: ad
        adelaide: addie adele della heidi
        adrian: adi
        agnes: aggie nessa nessie
        albert: al bert bertie
        alan: al allan allen alun
        alexander: alex al alec alastair alistair lex sandy sasha xander zander
        alexandra: alex alexa alexis ali lexi sandra sandy sasha
        alfred: al alf alfie fred freddie
        alice: ali allie ally alicia alys
        alison: ali allie ally allison alyson
        amanda: mandy manda amy
        amelia: amy millie mia emilia
        andrew: andy drew andie
        angela: angie angel
        anne: ann annie anna nan nancy hannah
        anthony: tony ant antony anton
        archibald: archie
        arnold: arnie
        arthur: art artie
        augustus: gus augie
        barbara: barb babs barbie bab
        barnaby: barney
        bartholomew: bart barty
        beatrice: bea bee trixie beatrix
        benjamin: ben benny benji
        bernard: bernie barney
        bradley: brad
        brian: bryan bryon
        bridget: biddy bridie brigid
        callum: cal calum
        cameron: cam
        carl: karl
        caroline: carol carrie lina carolyn carolina
        catherine: cathy cath kate katie kathy kay kitty katherine kathryn katharine kat cat cate kathleen
        cecilia: cissy celia cecily
        charles: charlie chuck chas chaz charley chip
        charlotte: charlie lottie lotte carly
        christina: chris chrissy tina christine kristina kristine kirsty kirstie kristen
        christopher: chris kit topher christoph kris
        clarence: clare
        clifford: cliff
        clinton: clint
        colin: col
        constance: connie
        cornelius: neil connie
        cynthia: cindy
        daniel: dan danny dannie
        danielle: dani danni
        david: dave davy davie dai
        deborah: debbie deb debra debby
        denis: dennis den
        derek: derrick del
        diana: di diane dianne
        dominic: dom
        donald: don donnie
        dorothy: dot dotty dolly dottie
        douglas: doug dougie
        edmund: ed eddie ned ted edmond
        edward: ed eddie ned ted ward teddy ted
        edwin: ed eddie
        eleanor: ellie nell nellie ella elinor leonora nora
        elizabeth: liz lizzie lizzy beth betty bettie bess bessie betsy eliza elise elsie libby lisa liza
        ellen: ellie nell nellie
        emily: em emmy millie emilie
        emma: em emmy
        eric: rick ricky erik
        ernest: ernie
        esther: essie hester
        eugene: gene
        evelyn: eve evie
        frances: fran frankie fanny francine
        francis: frank frankie fran
        frederick: fred freddie freddy fritz rick
        gabriel: gabe gabby
        gabrielle: gabby gabi ella
        geoffrey: geoff jeff jeffrey jeffery
        george: georgie geordie
        georgina: georgie gina
        gerald: gerry jerry ged
        gertrude: gertie trudy
        gilbert: gil bert
        gordon: gordie
        gregory: greg
        gwendolyn: gwen wendy
        harold: harry hal
        harriet: hattie harry
        helen: nell nellie ellen helena lena
        henry: harry hal hank
        herbert: herb bert
        hilary: hillary
        howard: howie
        isaac: ike zak
        isabel: bella izzy isabella isabelle isobel ella
        jacob: jake jack jakob
        jacqueline: jackie jacqui
        james: jim jimmy jamie jimmie jem jas
        jane: jenny janie jayne jean
        janet: jan jenny netty
        jeffrey: jeff geoff
        jennifer: jen jenny jenn jennie
        jeremy: jerry jez
        jessica: jess jessie jessy
        joan: joanie
        joanna: jo joanne joann johanna
        john: jack jon johnny jonny jock johnnie sean
        jonathan: jon jonny nathan john
        joseph: joe joey jo
        josephine: jo josie
        joshua: josh
        judith: judy jude
        julia: julie jules
        julian: jules
        kenneth: ken kenny
        kimberly: kim kimberley
        lawrence: larry laurie lawrie laurence
        leonard: leo len lenny leon
        leslie: les lesley
        lewis: lou louis lew
        lillian: lily lil lilly
        louis: lou lewis louie
        louise: lou lulu louisa
        lucas: luke luca
        lucy: lucille lucinda
        madeline: maddie maddy madeleine madelyn
        margaret: maggie meg peggy marge margie marjorie daisy greta maisie peg
        martha: marty mattie patty
        martin: marty
        mary: molly polly mae mamie marie maria may
        matilda: tilly tilda maud
        matthew: matt matty
        michael: mike mikey mick mickey micky mitch
        michelle: shelly chelle
        mildred: millie
        miriam: mimi
        nathan: nate nat
        nathaniel: nat nate nathan
        nicholas: nick nicky nico colin nic
        nicola: nicky nikki nic
        norman: norm
        oliver: ollie olly
        olivia: liv livvy ollie
        oscar: ozzy
        pamela: pam
        patricia: pat patty trish tricia patsy
        patrick: pat paddy patsy
        penelope: penny
        peter: pete
        philip: phil pip phillip
        phoebe: phebe
        rachel: rach rae
        raymond: ray
        rebecca: becky becca bex
        reginald: reg reggie
        richard: rich rick ricky dick rich richie
        robert: bob bobby rob robbie robby bert
        roberta: bobbie robbie bertie
        rodney: rod
        roger: rodge
        ronald: ron ronnie
        rosalind: ros roz
        rosemary: rose rosie
        ruth: ruthie
        samantha: sam sammy
        samuel: sam sammy
        sarah: sara sally sadie
        sebastian: seb bastian
        sidney: sid sydney
        simon: si
        sophia: sophie
        stanley: stan
        stephanie: steph stevie
        stephen: steve stevie steven stephan
        stuart: stu stewart
        susan: sue susie suzy suzanne susannah
        terence: terry
        theodore: theo ted teddy
        theresa: tess tessa terry teresa tracy
        thomas: tom tommy thom
        timothy: tim timmy
        tobias: toby
        valerie: val
        veronica: ronnie vera
        victor: vic
        victoria: vicky vickie tori vicki
        vincent: vince vinnie
        walter: walt wally
        wilfred: wilf fred
        william: bill billy will willie willy liam
        winifred: winnie freda
        yvonne: vonnie
        zachary: zach zack zak
        """;
}
