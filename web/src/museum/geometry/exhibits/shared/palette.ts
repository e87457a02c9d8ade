// Colours and finishes of real museum objects, shared by the exhibits' models: woods, metals, stone, glazes, cloth.
// A part painted with a plain colour string is drawn matt: that is kept for what is truly painted (mannequins,
// painted models, the terrain of dioramas, rubber and plastic).
import { paint } from '../../finishes';

export const BONE = paint('#efe8d6', 'bone');
/** Bone where it is older and shaded: the joints, the inner faces of the skull. */
export const BONE_DARK = paint('#d2c6a8', 'bone');

export const WOOD_DARK = paint('#4a3426', 'wood');
export const WOOD = paint('#7a5230', 'wood');
export const WOOD_LIGHT = paint('#a77b4f', 'wood');
export const IRONWOOD = paint('#3a2a1c', 'weathered-wood');
/** Ironwood grey-brown where the stakes stood out of the mud, darker where they were buried. */
export const IRONWOOD_GREY = paint('#5a4a3a', 'weathered-wood');
export const IRONWOOD_BLACK = paint('#2a1f16', 'weathered-wood');

export const METAL_DARK = paint('#2e2f31', 'iron');
export const STEEL = paint('#5b6066', 'steel');
/** A gun's blued barrel. */
export const GUN_STEEL = paint('#2b2e31', 'steel');
export const IRON = paint('#3b3d40', 'iron');
/** Iron gone to rust: a mine cart's rim, old fittings. */
export const RUST = paint('#7a4a2e', 'iron');
export const BRONZE = paint('#8c6d3f', 'bronze');
export const BRONZE_DARK = paint('#6e5428', 'bronze');
export const BRONZE_GREEN = paint('#6f7d4f', 'bronze');
export const BRONZE_GREEN_DARK = paint('#556140', 'bronze');
/** Brass: a lamp's head, a drum's rings, cartridge clips. */
export const BRASS = paint('#c9a227', 'bronze');
export const GOLD = paint('#d4a937', 'gold');
export const GOLD_PALE = paint('#e6c25a', 'gold');
export const GOLD_DEEP = paint('#b58b24', 'gold');
export const ARMY_GREEN = paint('#4b5320', 'steel');
export const ARMY_GREEN_DARK = paint('#394017', 'steel');
/** A missile's light grey skin. */
export const MISSILE_GREY = paint('#d6d8d2', 'steel');

export const INDIGO = paint('#2b3a67', 'cloth');
export const RED = paint('#b3282d', 'cloth');
export const WHITE_CLOTH = paint('#efe9dc', 'cloth');
export const LINEN = paint('#d8cdb5', 'cloth');
/** Ochre and red-brown sailcloth of a junk, tanned against rot. */
export const SAILCLOTH = paint('#c7873a', 'cloth');
export const SAILCLOTH_RED = paint('#a8452a', 'cloth');
/** Tarred rope. */
export const ROPE = paint('#3d2f22', 'cloth');

export const STONE = paint('#8d8a82', 'stone');
export const STONE_DARK = paint('#6f6c64', 'stone');
export const CONCRETE = paint('#9a968e', 'stone');
export const SAND = paint('#b8a27a', 'stone');
export const ANTHRACITE = paint('#1d1d1f', 'coal');
export const ANTHRACITE_SHEEN = paint('#3a3c43', 'coal');

export const LABEL = paint('#f1ece0', 'paper');
export const PRINT_WHITE = paint('#e9e4da', 'paper');
export const MANNEQUIN = paint('#d8cfc2', 'matte');
/** Rubber tyres, painted plinths: matt and dark. */
export const RUBBER = '#1f1f1f';

export const GLAZE_WHITE = paint('#eef0ec', 'ceramic-glazed');
export const COBALT = paint('#27418a', 'ceramic-glazed');
export const CELADON = paint('#9cbf9a', 'ceramic-glazed');
export const BROWN_GLAZE = paint('#6e3f1c', 'ceramic-glazed');
export const BROWN_GLAZE_DARK = paint('#4a2a14', 'ceramic-glazed');
export const BISCUIT = paint('#b89a72', 'ceramic-unglazed');
export const TERRACOTTA = paint('#a0522d', 'ceramic-unglazed');
export const SEA = paint('#3f7fa6', 'water');
export const LEAF = paint('#4d7a3a', 'matte');
