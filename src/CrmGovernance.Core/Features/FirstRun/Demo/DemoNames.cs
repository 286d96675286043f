namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>The word lists the demo's people, companies and messages are drawn from (UK flavoured, as the flows' region is GB).</summary>
internal static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Willow",
        "Florence", "Emily", "Ella", "Poppy", "Evie", "Charlotte", "Aisha", "Priya", "Zara", "Fatima", "Chloé", "Hannah",
        "Sarah", "Emma", "Lucy", "Megan", "Zoë", "Niamh", "Siobhan", "Anne-Marie", "Mary Ann", "Noah", "Oliver", "George",
        "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theo", "Freddie", "Jack", "Charlie", "Thomas",
        "James", "William", "Daniel", "Samuel", "Joseph", "Ravi", "Arjun", "Kwame", "Tomasz", "Mateusz", "Liam", "Ethan",
        "Owen", "Rhys", "Callum", "José", "Jean-Luc", "Björn", "Connor", "Dylan", "Ibrahim",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "Scott", "Phillips", "Watson", "Parker", "Price", "Bennett",
        "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw",
        "Murphy", "Miller", "Cox", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Foster",
        "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Palmer",
        "Holmes", "Knight", "Lloyd", "Butler", "Russell", "Fisher", "Stevens", "Jenkins", "O'Brien", "McDonald", "Nowak",
        "Kowalski", "Okafor", "Mensah", "Nguyen", "Chen", "Da Silva", "van der Berg", "Fitzgerald-Smythe",
    ];

    /// <summary>First names too long for the CRM (its contacts table checks length(first_name) &lt;= 40): people who typed their whole name.</summary>
    public static readonly string[] OverlongFirstNames =
    [
        "Maximilian Alexander Konstantin Friedrich Wilhelm",
        "Anastasia-Valentina Elisabeth Charlotte Rose",
        "Bartholomew Montgomery Fitzwilliam Alistair Jr.",
        "Wolfgang Amadeus Johann Chrysostomus Theophilus",
    ];

    public static readonly string[] PersonalDomains =
        ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "icloud.com", "btinternet.com", "live.co.uk", "protonmail.com"];

    /// <summary>Typing slips in a domain: the address is valid, so only the contact match rule keeps it from becoming a second contact.</summary>
    public static readonly (string Right, string Wrong)[] DomainTypos =
        [("gmail.com", "gmial.com"), ("gmail.com", "gmail.co"), ("outlook.com", "outlok.com"), ("hotmail.co.uk", "hotmail.co"), ("yahoo.co.uk", "yaho.co.uk")];

    public static readonly (string Name, string Industry, int Employees)[] Companies =
    [
        ("Harbour Logistics", "Logistics", 420), ("Brightwater Foods", "Food & drink", 85), ("Northgate Legal", "Legal", 38),
        ("Copperleaf Design", "Creative", 12), ("Kestrel Engineering", "Engineering", 260), ("Meadowbank Care", "Healthcare", 140),
        ("Pennine Outdoor", "Retail", 55), ("Silverline Finance", "Financial services", 610), ("Thistle & Rose Hotels", "Hospitality", 330),
        ("Albion Software", "Software", 95), ("Greenfield Energy", "Energy", 1200), ("Lumen Optics", "Manufacturing", 75),
        ("Oakridge Schools Trust", "Education", 900), ("Riverside Dental", "Healthcare", 22), ("Saltmarsh Brewing", "Food & drink", 31),
        ("Tidewater Marine", "Engineering", 180), ("Blackstone Property", "Real estate", 64), ("Fernhill Nurseries", "Retail", 18),
        ("Granite Security", "Security", 450), ("Wren & Co Accountants", "Financial services", 27), ("Ashdown Analytics", "Software", 48),
        ("Beacon Media", "Creative", 70), ("Clearwater Labs", "Life sciences", 210), ("Driftwood Interiors", "Retail", 16),
    ];

    public static readonly string[] Countries = ["United Kingdom", "UK", "United Kingdom", "England", "Ireland", "GB", "Scotland"];

    public static readonly string[] Messages =
    [
        "Please call me about pricing.", "Do you deliver to Northern Ireland?", "I'd like a demo for my team of 12.",
        "Where is my order? It was due on Friday.", "Can I change the delivery address on my order?", "Interested in the business plan.",
        "Please send me a brochure.", "Do you offer discounts for charities?", "Is the larger size back in stock?",
        "Could someone from sales ring me back this afternoon?", "I filled this in last week and heard nothing.", "",
        "Hi,\nwe'd like a quote for 40 units.\nThanks", "Unsubscribe me from the newsletter but keep my account please.",
    ];

    public static readonly string[] OpportunityProducts =
        ["Annual licence", "Fleet renewal", "Pilot project", "Support upgrade", "Office fit-out", "Bulk order", "Onboarding package", "Expansion"];
}
