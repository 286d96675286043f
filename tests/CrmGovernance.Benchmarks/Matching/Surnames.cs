namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Family names: the common British and immigrant surnames (about a third of people, Smith about 1.2 %), then a long
/// tail of English-sounding surnames built from place-name syllables (Ashford, Thornwell, …), about 25,000 of them, so a
/// million people are not a few hundred families. Some people have a double-barrelled name.
/// </summary>
internal static class Surnames
{
    private static readonly string[] Common =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson",
        "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
        "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly",
        "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall",
        "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray",
        "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight", "Lloyd",
        "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey", "Graham", "Pearson", "Ahmed",
        "Fletcher", "Walsh", "Kaur", "Gibson", "Howard", "Andrews", "Stewart", "Elliott", "Reynolds", "Saunders", "Payne", "Fox",
        "Ford", "Pearce", "Day", "Brooks", "West", "Lawrence", "Cole", "Atkinson", "Bradley", "Spencer", "Gill", "Dawson", "Ball",
        "O'Brien", "O'Connor", "McDonald", "McKenzie", "MacLeod", "Nguyen", "Chen", "Wang", "Li", "Okafor", "Mensah", "Kowalski",
        "Nowak", "Muller", "Garcia", "Rodriguez", "Rossi", "Silva", "Van der Berg", "De Souza", "Fitzgerald", "Sharma", "Chowdhury",
    ];

    private static readonly string[] Heads =
    [
        "Ash", "Black", "Brad", "Bram", "Brook", "Cald", "Carr", "Chad", "Craw", "Dal", "Dun", "Elm", "Fair", "Fern", "Gold", "Green",
        "Hal", "Ham", "Hart", "Hather", "Hol", "Kings", "Lang", "Lind", "Mar", "Mid", "Mill", "Mor", "New", "North", "Oak", "Pem",
        "Ram", "Red", "Rod", "Rush", "Salt", "Shel", "Stan", "Stock", "Sut", "Thorn", "Tre", "Wal", "Wes", "Whit", "Wins", "Wood",
        "Wor", "Al", "Bel", "Cor", "Dar", "Fen", "Gil", "Hen", "Kel", "Lor", "Mal", "Nor", "Pen", "Quin", "Ros", "Sel", "Tal", "Ven",
        "Yar", "Brig", "Chester", "Crom", "Dray", "Ever", "Fal", "Gar", "Haw", "Ing", "Kirk", "Lam", "Ather", "Bur", "Pick",
    ];

    private static readonly string[] Middles = ["er", "in", "ing", "en", "an", "el", "on", "ar", "is", "ow", "ing", "es"];

    private static readonly string[] Tails =
    [
        "ford", "ton", "ley", "well", "wood", "by", "field", "ham", "worth", "den", "more", "stead", "bridge", "combe", "dale",
        "hurst", "man", "son", "er", "ridge", "shaw", "croft", "brook", "gate", "land", "thorpe", "wick", "mere", "ell", "ard",
        "ett", "ey", "ow", "ick", "ock", "ins", "all", "ers", "lock", "bury",
    ];

    private static readonly double CommonTotal = Weights.Harmonic(Common.Length, offset: 10);

    /// <summary>A surname; <paramref name="intern"/> keeps one instance of each generated name.</summary>
    public static string Pick(Random random, Dictionary<string, string> intern)
    {
        var name = random.NextDouble() < 0.35 ? Common[Weights.ZipfIndex(random, Common.Length, 10, CommonTotal)] : Built(random);
        if (random.Next(100) == 0)
        {
            name = name + "-" + (random.Next(2) == 0 ? Common[random.Next(Common.Length)] : Built(random));
        }
        if (!intern.TryGetValue(name, out var shared))
        {
            intern[name] = shared = name;
        }
        return shared;
    }

    private static string Built(Random random)
    {
        var head = Heads[random.Next(Heads.Length)];
        var middle = random.Next(10) < 3 ? Middles[random.Next(Middles.Length)] : "";
        return head + middle + Tails[random.Next(Tails.Length)];
    }
}
