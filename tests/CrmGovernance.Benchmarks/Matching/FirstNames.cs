namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Given names as a British contact list has them (common English names first, then the names of the UK's larger
/// communities), with the nicknames people sign up with. Picked with a Zipf-like skew: the first name is about 2 %.
/// </summary>
internal static class FirstNames
{
    public static readonly string[] All =
    [
        "Oliver", "Olivia", "James", "Amelia", "William", "Isla", "Thomas", "Emily", "George", "Sophia", "Jack", "Jessica",
        "Harry", "Charlotte", "Daniel", "Emma", "Samuel", "Grace", "Joseph", "Lily", "Michael", "Sarah", "David", "Elizabeth",
        "John", "Hannah", "Robert", "Chloe", "Matthew", "Rebecca", "Christopher", "Katherine", "Benjamin", "Victoria", "Alexander",
        "Laura", "Andrew", "Rachel", "Richard", "Lucy", "Edward", "Amy", "Joshua", "Megan", "Jonathan", "Ellie", "Nicholas",
        "Sophie", "Anthony", "Abigail", "Stephen", "Jennifer", "Peter", "Margaret", "Paul", "Susan", "Mark", "Helen", "Charles",
        "Catherine", "Henry", "Eleanor", "Luke", "Alice", "Ryan", "Holly", "Adam", "Natalie", "Liam", "Jasmine", "Noah", "Freya",
        "Jacob", "Ava", "Ethan", "Mia", "Lewis", "Evie", "Alfie", "Poppy", "Archie", "Isabella", "Leo", "Ruby", "Oscar", "Daisy",
        "Max", "Phoebe", "Theo", "Millie", "Arthur", "Florence", "Timothy", "Patricia", "Kenneth", "Deborah", "Gregory", "Samantha",
        "Philip", "Alexandra", "Frederick", "Josephine", "Francis", "Frances", "Lawrence", "Jacqueline", "Raymond", "Amanda",
        "Douglas", "Penelope", "Albert", "Dorothy", "Alfred", "Gwendolyn", "Ronald", "Kimberly", "Donald", "Christine", "Gerald",
        "Evelyn", "Leonard", "Cynthia", "Nathan", "Joanne", "Zachary", "Angela", "Patrick", "Nicola", "Ian", "Claire", "Graham",
        "Julie", "Keith", "Karen", "Colin", "Tracey", "Stuart", "Lisa", "Gary", "Kelly", "Craig", "Gemma", "Dean", "Kirsty",
        "Muhammad", "Fatima", "Mohammed", "Aisha", "Ali", "Zainab", "Omar", "Maryam", "Hassan", "Amina", "Yusuf", "Noor", "Ibrahim",
        "Khadija", "Raj", "Priya", "Arjun", "Anjali", "Sanjay", "Deepa", "Vikram", "Sunita", "Rohan", "Kavita", "Harpreet", "Gurpreet",
        "Wei", "Mei", "Jun", "Ling", "Hao", "Xin", "Kofi", "Ama", "Kwame", "Abena", "Chinedu", "Ngozi", "Oluwaseun", "Adaeze",
        "Siobhan", "Aoife", "Ciaran", "Niamh", "Sean", "Roisin", "Padraig", "Saoirse", "Eilidh", "Callum", "Morag", "Hamish",
        "Rhys", "Cerys", "Dafydd", "Bethan", "Gareth", "Sian", "Piotr", "Agnieszka", "Tomasz", "Katarzyna", "Marek", "Magdalena",
        "Jose", "Maria", "Carlos", "Ana", "Luis", "Sofia", "Marco", "Giulia", "Luca", "Chiara", "Jean-Luc", "Marie", "Zoe",
        "Bjorn", "Ingrid", "Mary Ann", "Anne-Marie", "Lars", "Astrid", "Hans", "Greta", "Dmitri", "Olga", "Mehmet", "Elif",
    ];

    /// <summary>Formal name → the short forms people also use (the matcher's own table may know fewer).</summary>
    public static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Robert"] = ["Bob", "Rob", "Bobby", "Robbie"], ["William"] = ["Bill", "Will", "Billy", "Liam"],
        ["Elizabeth"] = ["Liz", "Beth", "Betty", "Lizzie", "Eliza"], ["Margaret"] = ["Maggie", "Peggy", "Meg"],
        ["James"] = ["Jim", "Jimmy", "Jamie"], ["John"] = ["Jack", "Johnny"], ["Richard"] = ["Rick", "Dick", "Rich", "Richie"],
        ["Thomas"] = ["Tom", "Tommy"], ["Michael"] = ["Mike", "Mick", "Mickey"], ["Christopher"] = ["Chris", "Kit"],
        ["Daniel"] = ["Dan", "Danny"], ["Matthew"] = ["Matt"], ["Anthony"] = ["Tony", "Ant"], ["Joseph"] = ["Joe", "Joey"],
        ["Charles"] = ["Charlie", "Chuck"], ["Edward"] = ["Ed", "Ted", "Eddie", "Ned"], ["Katherine"] = ["Kate", "Kathy", "Katie", "Kat"],
        ["Catherine"] = ["Cathy", "Kate", "Cath"], ["Jennifer"] = ["Jen", "Jenny"], ["Rebecca"] = ["Becky", "Becca"],
        ["Alexander"] = ["Alex", "Sandy", "Xander"], ["Alexandra"] = ["Alex", "Sasha", "Lexi"], ["Samuel"] = ["Sam", "Sammy"],
        ["Samantha"] = ["Sam", "Sammie"], ["Benjamin"] = ["Ben", "Benny"], ["Jonathan"] = ["Jon", "Jonny"], ["Nicholas"] = ["Nick", "Nicky"],
        ["Andrew"] = ["Andy", "Drew"], ["Stephen"] = ["Steve", "Stevie"], ["David"] = ["Dave", "Davy"], ["Patrick"] = ["Pat", "Paddy"],
        ["Patricia"] = ["Pat", "Trish", "Patty"], ["Susan"] = ["Sue", "Suzy"], ["Deborah"] = ["Debbie", "Deb"], ["Victoria"] = ["Vicky", "Tori"],
        ["Timothy"] = ["Tim", "Timmy"], ["Peter"] = ["Pete"], ["Gregory"] = ["Greg"], ["Kenneth"] = ["Ken", "Kenny"], ["Ronald"] = ["Ron", "Ronnie"],
        ["Donald"] = ["Don", "Donnie"], ["Frederick"] = ["Fred", "Freddie"], ["Henry"] = ["Harry", "Hal", "Hank"], ["Abigail"] = ["Abby", "Gail"],
        ["Christine"] = ["Chris", "Chrissie", "Tina"], ["Jessica"] = ["Jess", "Jessie"], ["Eleanor"] = ["Ellie", "Nell", "Nora"],
        ["Isabella"] = ["Izzy", "Bella"], ["Oliver"] = ["Ollie"], ["Zachary"] = ["Zach", "Zack"], ["Joshua"] = ["Josh"], ["Nathan"] = ["Nate"],
        ["Lawrence"] = ["Larry", "Laurie"], ["Gerald"] = ["Gerry", "Jerry"], ["Philip"] = ["Phil", "Pip"], ["Raymond"] = ["Ray"],
        ["Jacqueline"] = ["Jackie", "Jacqui"], ["Francis"] = ["Frank", "Frankie"], ["Frances"] = ["Fran", "Frankie"], ["Dorothy"] = ["Dot", "Dottie"],
        ["Amanda"] = ["Mandy", "Manda"], ["Penelope"] = ["Penny"], ["Gwendolyn"] = ["Gwen"], ["Josephine"] = ["Jo", "Josie"],
        ["Leonard"] = ["Len", "Lenny", "Leo"], ["Albert"] = ["Al", "Bert", "Bertie"], ["Alfred"] = ["Alf", "Alfie", "Fred"],
        ["Douglas"] = ["Doug", "Dougie"], ["Evelyn"] = ["Evie", "Eve"], ["Kimberly"] = ["Kim"], ["Cynthia"] = ["Cindy"],
        ["Sophia"] = ["Sophie"], ["Muhammad"] = ["Mo"], ["Mohammed"] = ["Mo"], ["Harry"] = ["Haz"], ["Theo"] = ["Ted"],
        ["Charlotte"] = ["Lottie", "Charlie"], ["Natalie"] = ["Nat"], ["Jacob"] = ["Jake"], ["Lewis"] = ["Lew"], ["Megan"] = ["Meg"],
        ["Amelia"] = ["Millie", "Amy"], ["Florence"] = ["Flo", "Florrie"], ["Joanne"] = ["Jo"], ["Angela"] = ["Angie"],
        ["Nicola"] = ["Nicky", "Nic"], ["Stuart"] = ["Stu"], ["Gareth"] = ["Gaz"], ["Callum"] = ["Cal"], ["Ciaran"] = ["Kieran"],
        ["Dafydd"] = ["Dai", "Dave"], ["Piotr"] = ["Peter"], ["Tomasz"] = ["Tom"], ["Katarzyna"] = ["Kasia"], ["Magdalena"] = ["Magda"],
        ["Agnieszka"] = ["Aga"], ["Dmitri"] = ["Dima"], ["Maria"] = ["Mary"], ["Jose"] = ["Pepe"],
    };
}
